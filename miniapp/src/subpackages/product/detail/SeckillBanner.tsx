import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SeckillOfferList } from '@contracts';
import { formatFen, formatShanghaiTime, seckillSoldPercent } from '@display';
import { countdown } from '../../../services/labels';
import { clockOffset, productOffers } from '../../../services/seckill';
import './SeckillBanner.css';

type Offer = SeckillOfferList['items'][number];

/** The offer the banner shows: the picked SKU's when it has one, an open session's before one to come. */
function shownOffer(offers: Offer[], skuId: number | null): Offer | undefined {
  const mine = skuId === null ? offers : offers.filter((o) => o.skuId === skuId);
  const pool = mine.length ? mine : offers;
  return pool.find((o) => o.session.status === 'open') ?? pool[0];
}

/**
 * 限时秒杀 on the product page: the seckill price with its countdown (to the end of an open session, or to the
 * start of one to come), following the server's business clock. Tapping an open offer goes to 抢购.
 */
export default function SeckillBanner({ productId, skuId }: { productId: number; skuId: number | null }) {
  const [offers, setOffers] = useState<Offer[]>([]);
  const [offset, setOffset] = useState(0);
  const [now, setNow] = useState(Date.now());
  const load = () =>
    void productOffers(productId)
      .then((r) => {
        setOffset(clockOffset(r.now));
        setOffers(r.items);
      })
      .catch(() => setOffers([])); // optional: the product page works without it
  useEffect(load, [productId]);
  const offer = shownOffer(offers, skuId);
  useEffect(() => {
    if (!offer) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [offer?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const businessNow = now + offset;
  const open = offer?.session.status === 'open';
  const due = offer && new Date(open ? offer.session.endAt : offer.session.startAt).getTime();
  // the countdown ran out: the session opened or ended, ask again
  useEffect(() => {
    if (due && businessNow >= due) load();
  }, [!!due && businessNow >= due]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!offer) return null;

  const go = () =>
    void Taro.navigateTo({
      url: open
        ? `/subpackages/seckill/grab/index?item=${offer.id}&session=${offer.sessionId}`
        : '/subpackages/seckill/list/index',
    });
  return (
    <View className="sk-banner" data-item={offer.id} onClick={go}>
      <View className="sk-banner__price">
        <Text className="sk-banner__label">限时秒杀</Text>
        <Text className="sk-banner__fen">{formatFen(offer.priceFen)}</Text>
        <Text className="sk-banner__was">{formatFen(offer.originalPriceFen)}</Text>
      </View>
      <View className="sk-banner__clock">
        {open ? (
          <>
            <Text>
              {offer.remaining > 0
                ? `已抢 ${seckillSoldPercent(offer.stock, offer.remaining)}% · 距结束`
                : '已抢光 · 距结束'}
            </Text>
            <Text className="sk-banner__time">{countdown(offer.session.endAt, businessNow)}</Text>
          </>
        ) : (
          <>
            <Text>{formatShanghaiTime(offer.session.startAt)} 开抢 · 距开始</Text>
            <Text className="sk-banner__time">{countdown(offer.session.startAt, businessNow)}</Text>
          </>
        )}
      </View>
    </View>
  );
}

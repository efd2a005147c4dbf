import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { CampaignDetail } from '@contracts';
import { formatFen, type PriceTag } from '@display';
import PriceTagView from './PriceTag';
import { getCampaign, listCampaigns } from '../services/groupbuy';
import { countdown } from '../services/labels';
import './shop.css';
import './GroupbuySection.css';

interface Props {
  productId: number;
  /** the SKU picked on the page (null until every spec is chosen) */
  skuId: number | null;
  /** the shopper picked that SKU (before, the campaign's headline tags show, as on the home and in 拼团专区) */
  chosen: boolean;
  onOpen(campaignId: number, skuId: number): void;
}

/** On a product page: the group price, "open a group", and the open groups that need few people. */
export default function GroupbuySection({ productId, skuId, chosen, onOpen }: Props) {
  const [campaign, setCampaign] = useState<CampaignDetail | null>(null);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    void listCampaigns(productId).then(async (list) => {
      const first = list.items[0];
      if (first) setCampaign(await getCampaign(first.id));
    });
  }, [productId]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (!campaign) return null;
  const picked = campaign.skus.find((s) => s.skuId === skuId) ?? null;
  // the server's quote for the picked SKU: opening pays the leader price, joining the group price; before a SKU
  // is picked, the display rule's tags for the whole campaign (the same as on the home and in 拼团专区)
  const quote = picked && chosen ? (campaign.quotes.find((q) => q.skuId === picked.skuId) ?? null) : null;
  const memberTag: PriceTag | null =
    quote && picked
      ? {
          skuId: quote.skuId,
          priceFen: quote.member.unitPriceFen,
          from: false,
          referenceFen: picked.listPriceFen > quote.member.unitPriceFen ? picked.listPriceFen : null,
        }
      : (campaign.prices?.member ?? null);
  const leaderFen = quote ? quote.leader.unitPriceFen : campaign.prices?.leader?.priceFen;
  const leaderFrom = !quote && !!campaign.prices?.leader?.from;
  const leaderDiffers = leaderFen !== undefined && leaderFen !== memberTag?.priceFen;

  return (
    <View className="shop-card gb-section gb-campaign">
      <View className="shop-row">
        <View className="gb-section__head">
          <Text className="shop-tag">{campaign.size}人团</Text>
          {memberTag ? <PriceTagView tag={memberTag} label="拼团价" className="gb-section__price" /> : null}
        </View>
        <Button
          className="gb-open"
          type="primary"
          size="small"
          onClick={() =>
            skuId ? onOpen(campaign.id, skuId) : void Taro.showToast({ title: '请先选择规格', icon: 'none' })
          }
        >
          发起拼团
        </Button>
      </View>
      {(quote || leaderDiffers) && (
        <Text className="shop-row__muted gb-section__terms">
          {leaderDiffers && leaderFen !== undefined && (
            <Text className="gb-section__leader-price">
              团长价 {formatFen(leaderFen)}
              {leaderFrom ? '起' : ''}
              {quote ? ' · ' : ''}
            </Text>
          )}
          {quote ? (quote.member.shippingFen ? `运费 ${formatFen(quote.member.shippingFen)}` : '包邮') : null}
        </Text>
      )}
      {campaign.openGroups.map((g) => (
        <View className="shop-row gb-section__group" key={g.code}>
          <Text className="gb-section__leader">{g.leader.nickname}</Text>
          <Text className="shop-row__muted">
            还差{g.seatsLeft}人 · <Text className="gb-countdown">{countdown(g.expiresAt, now)}</Text>
          </Text>
          <Button
            className="gb-join"
            size="small"
            onClick={() => void Taro.navigateTo({ url: `/subpackages/groupbuy/group/index?code=${g.code}` })}
          >
            去参团
          </Button>
        </View>
      ))}
    </View>
  );
}

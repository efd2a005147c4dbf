import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { CampaignDetail } from '@contracts';
import { formatFen } from '@display';
import { getCampaign, listCampaigns } from '../services/groupbuy';
import { countdown } from '../services/labels';
import './shop.css';
import './GroupbuySection.css';

interface Props {
  productId: number;
  /** the SKU picked on the page (null until every spec is chosen) */
  skuId: number | null;
  onOpen(campaignId: number, skuId: number): void;
}

/** On a product page: the group price, "open a group", and the open groups that need few people. */
export default function GroupbuySection({ productId, skuId, onOpen }: Props) {
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
  const price = campaign.skus.find((s) => s.skuId === skuId) ?? null;
  const groupPrice = price ? price.groupPriceFen : campaign.minGroupPriceFen;
  // the server's quote for the picked SKU (or the first): opening pays the leader price, joining the group price
  const quote = campaign.quotes.find((q) => q.skuId === (price?.skuId ?? campaign.skus[0]?.skuId)) ?? null;
  const leaderDiffers = !!quote && quote.leader.unitPriceFen !== quote.member.unitPriceFen;

  return (
    <View className="shop-card gb-section gb-campaign">
      <View className="shop-row">
        <Text>
          <Text className="shop-tag">{campaign.size}人团</Text> 拼团价{' '}
          <Text className="shop-price gb-section__price">{formatFen(quote?.member.unitPriceFen ?? groupPrice)}</Text>
        </Text>
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
      {quote && (
        <Text className="shop-row__muted gb-section__terms">
          {leaderDiffers && (
            <Text className="gb-section__leader-price">开团价 {formatFen(quote.leader.unitPriceFen)} · </Text>
          )}
          {quote.member.shippingFen ? `运费 ${formatFen(quote.member.shippingFen)}` : '包邮'}
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

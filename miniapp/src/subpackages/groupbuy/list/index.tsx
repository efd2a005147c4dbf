import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Campaign } from '@contracts';
import { listCampaigns } from '../../../services/groupbuy';
import LineImage from '../../../components/LineImage';
import PriceTagView from '../../../components/PriceTag';
import '../../../components/shop.css';

/** Group buys running now. */
export default function GroupbuyList() {
  const [items, setItems] = useState<Campaign[] | null>(null);
  useDidShow(() => void listCampaigns().then((r) => setItems(r.items)));

  return (
    <View className="shop-page gb-list">
      {items?.length === 0 && <View className="shop-empty">暂时没有进行中的拼团</View>}
      {items?.map((c) => {
        return (
          <View
            key={c.id}
            data-id={c.id}
            className="shop-card gb-campaign"
            onClick={() => void Taro.navigateTo({ url: `/subpackages/product/detail/index?id=${c.productId}` })}
          >
            <View className="shop-line">
              <LineImage src={c.image} />
              <View className="shop-line__body">
                <Text className="shop-line__title">{c.title}</Text>
                <Text className="shop-tag">{c.size}人团</Text>
                <View className="shop-line__foot">
                  {c.prices ? <PriceTagView tag={c.prices.member} size="small" /> : null}
                  {c.prices?.leader ? (
                    <PriceTagView tag={{ ...c.prices.leader, referenceFen: null }} label="团长价" size="small" />
                  ) : null}
                </View>
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}

import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Campaign } from '@contracts';
import { formatFen } from '@display';
import { listCampaigns } from '../../../services/groupbuy';
import LineImage from '../../../components/LineImage';
import '../../../components/shop.css';

/** Group buys running now. */
export default function GroupbuyList() {
  const [items, setItems] = useState<Campaign[] | null>(null);
  useDidShow(() => void listCampaigns().then((r) => setItems(r.items)));

  return (
    <View className="shop-page gb-list">
      {items?.length === 0 && <View className="shop-empty">暂时没有进行中的拼团</View>}
      {items?.map((c) => {
        const list = Math.max(...c.skus.map((s) => s.listPriceFen));
        return (
          <View
            key={c.id}
            className="shop-card gb-campaign"
            onClick={() => void Taro.navigateTo({ url: `/subpackages/product/detail/index?id=${c.productId}` })}
          >
            <View className="shop-line">
              <LineImage src={c.image} />
              <View className="shop-line__body">
                <Text className="shop-line__title">{c.title}</Text>
                <Text className="shop-tag">{c.size}人团</Text>
                <View className="shop-line__foot">
                  {/* the lowest price (often the leader's) is a "from" price when others pay more */}
                  <Text className="shop-price">
                    {formatFen(c.minGroupPriceFen)}
                    {c.skus.some((s) => s.groupPriceFen !== c.minGroupPriceFen) ? '起' : ''}
                  </Text>
                  <Text className="shop-row__muted" style={{ textDecoration: 'line-through' }}>
                    {formatFen(list)}
                  </Text>
                </View>
              </View>
            </View>
          </View>
        );
      })}
    </View>
  );
}

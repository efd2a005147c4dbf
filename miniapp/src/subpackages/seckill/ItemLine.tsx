import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { SeckillShopItem } from '@contracts';
import { seckillPriceTag } from '@display';
import LineImage from '../../components/LineImage';
import PriceTagView from '../../components/PriceTag';
import SoldProgress from './SoldProgress';

/** A seckill item as a line: picture, title, limit, sold bar, the seckill price, and what goes beside the price. */
export default function ItemLine({ item, children }: { item: SeckillShopItem; children?: ReactNode }) {
  return (
    <View className="shop-line">
      <LineImage src={item.image} />
      <View className="shop-line__body">
        <Text className="shop-line__title">{item.title}</Text>
        <Text className="shop-tag">每人限购 {item.perUserLimit} 件</Text>
        <SoldProgress stock={item.stock} remaining={item.remaining} />
        <View className="shop-line__foot">
          <PriceTagView tag={seckillPriceTag(item)} label="秒杀价" size="small" />
          {children}
        </View>
      </View>
    </View>
  );
}

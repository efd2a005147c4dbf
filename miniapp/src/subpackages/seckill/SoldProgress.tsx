import { Text, View } from '@tarojs/components';
import { seckillSoldPercent } from '@display';

/** 已抢 N%: the share of the item's units taken, as a bar with its words beside it (legible at 0% and at 100%). */
export default function SoldProgress({ stock, remaining }: { stock: number; remaining: number }) {
  const sold = seckillSoldPercent(stock, remaining);
  return (
    <View
      className="sk-progress"
      role="progressbar"
      aria-valuenow={sold}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-label={`已抢 ${sold}%`}
    >
      <View className="sk-progress__track">
        <View className="sk-progress__bar" style={{ width: `${sold}%` }} />
      </View>
      <Text className="sk-progress__text">已抢 {sold}%</Text>
    </View>
  );
}

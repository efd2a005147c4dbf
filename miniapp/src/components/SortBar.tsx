import { Text, View } from '@tarojs/components';
import type { ProductSortKey } from '../services/catalog';
import './SortBar.css';

interface Props {
  value: ProductSortKey;
  onChange(sort: ProductSortKey): void;
}

/** 综合 · 销量 · 价格 (tapping 价格 again flips the direction), as shoppers know it from the big apps. */
export default function SortBar({ value, onChange }: Props) {
  const price = value === 'price_asc' || value === 'price_desc';
  const item = (key: ProductSortKey, label: string, active: boolean, next: ProductSortKey = key) => (
    <Text
      key={key}
      className={`sort-bar__item sort-${key} ${active ? 'sort-bar__item--active' : ''}`}
      onClick={() => onChange(next)}
    >
      {label}
    </Text>
  );
  return (
    <View className="sort-bar">
      {item('default', '综合', value === 'default')}
      {item('sales', '销量', value === 'sales')}
      {item(
        'price_asc',
        value === 'price_desc' ? '价格 ↓' : '价格 ↑',
        price,
        value === 'price_asc' ? 'price_desc' : 'price_asc',
      )}
    </View>
  );
}

import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AfterSale, Order } from '@contracts';
import { formatFen, statusLabel } from '@display';
import { orderAfterSales } from '../../../services/after-sales';
import { detailPage } from './types';
import './after-sale.css';

/**
 * The order page's after-sale card: each request's type, state and amount, leading to its page. It reloads
 * whenever the page hands it a fresh copy of the order (the page reloads it on every show).
 */
export default function OrderAfterSales({ order }: { order: Order }) {
  const [items, setItems] = useState<AfterSale[]>([]);
  useEffect(() => {
    void orderAfterSales(order.id).then(
      (list) => setItems(list.items),
      () => setItems([]),
    );
  }, [order]);
  if (!items.length) return null;
  return (
    <View className="shop-card order-after-sales">
      <Text className="shop-card__title">售后</Text>
      {items.map((a) => (
        <View className="after-sale-summary" key={a.id} onClick={() => void Taro.navigateTo({ url: detailPage(a.id) })}>
          <Text>
            {statusLabel('afterSaleType', a.type)} {formatFen(a.amountFen)}
          </Text>
          <Text className="after-sale-summary__link order-after-sale-status">
            {statusLabel('afterSale', a.status)} ›
          </Text>
        </View>
      ))}
    </View>
  );
}

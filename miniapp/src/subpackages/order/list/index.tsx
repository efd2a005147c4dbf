import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { OrderSummary } from '@contracts';
import { formatFen, statusLabel } from '@display';
import LineImage from '../../../components/LineImage';
import { requireLogin } from '../../../services/guard';
import { listOrders } from '../../../services/shop';
import '../../../components/shop.css';

const TABS: [string, string | undefined][] = [
  ['全部', undefined],
  ...(['pending_payment', 'awaiting_group', 'to_ship', 'shipped', 'completed', 'refunded'] as const).map(
    (s): [string, string] => [statusLabel('order', s), s],
  ),
];

/** My orders by state. */
export default function OrderList() {
  const [status, setStatus] = useState<string | undefined>(useRouter().params.status || undefined);
  const [orders, setOrders] = useState<OrderSummary[] | null>(null);

  const load = useCallback((s: string | undefined) => {
    if (!requireLogin()) return;
    setOrders(null);
    void listOrders(s).then((res) => setOrders(res.items));
  }, []);
  useDidShow(() => load(status));

  return (
    <View className="shop-page order-list">
      <View className="shop-tabs">
        {TABS.map(([label, s]) => (
          <Text
            key={label}
            className={`shop-tab ${status === s ? 'shop-tab--active' : ''}`}
            onClick={() => {
              setStatus(s);
              load(s);
            }}
          >
            {label}
          </Text>
        ))}
      </View>
      {orders?.length === 0 && <View className="shop-empty">暂无订单</View>}
      {orders?.map((o) => (
        <View
          key={o.id}
          className="shop-card order-item"
          onClick={() => void Taro.navigateTo({ url: `/subpackages/order/detail/index?id=${o.id}` })}
        >
          <View className="shop-row">
            <Text className="shop-row__muted">订单号 {o.orderNo}</Text>
            <Text className="shop-price order-status">{statusLabel('order', o.status)}</Text>
          </View>
          <View className="shop-line">
            <LineImage src={o.firstItem?.image} />
            <View className="shop-line__body">
              <Text className="shop-line__title">{o.firstItem?.title ?? '商品'}</Text>
              <View className="shop-line__foot">
                <Text className="shop-row__muted">共 {o.itemCount} 件</Text>
                <Text>实付 {formatFen(o.payableFen)}</Text>
              </View>
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}

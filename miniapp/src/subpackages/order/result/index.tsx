import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { statusLabel } from '@display';
import { getOrder } from '../../../services/shop';
import '../../../components/shop.css';
import './index.css';

/** The client's payment callback proves nothing: this page asks the server until the notification has landed. */
export default function PayResult() {
  const router = useRouter();
  const orderId = Number(router.params.orderId);
  // where a campaign flow continues once the payment is confirmed (the group page)
  const next = router.params.next ? decodeURIComponent(router.params.next) : null;
  const [status, setStatus] = useState<string>('pending_payment');
  const [waited, setWaited] = useState(false);

  useEffect(() => {
    let stopped = false;
    const started = Date.now();
    const poll = async () => {
      while (!stopped) {
        const order = await getOrder(orderId).catch(() => null);
        if (order && order.status !== 'pending_payment') {
          setStatus(order.status);
          if (next) setTimeout(() => void Taro.redirectTo({ url: next }), 800);
          return;
        }
        if (Date.now() - started > 10_000) {
          setWaited(true);
          return;
        }
        await new Promise((r) => setTimeout(r, 700));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [orderId, next]);

  const paid = status !== 'pending_payment';
  return (
    <View className="shop-page pay-result">
      <View className="shop-card pay-result__card">
        <Text className={`pay-result__icon ${paid ? 'pay-result__icon--ok' : ''}`}>{paid ? '✓' : '…'}</Text>
        <Text className="pay-result__title">{paid ? '支付成功' : waited ? '支付结果确认中' : '正在确认支付结果'}</Text>
        <Text className="shop-row__muted order-status">{statusLabel('order', status)}</Text>
        <View className="pay-result__actions">
          <Button
            size="small"
            onClick={() => void Taro.redirectTo({ url: `/subpackages/order/detail/index?id=${orderId}` })}
          >
            查看订单
          </Button>
          <Button size="small" type="primary" onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
            继续逛逛
          </Button>
        </View>
      </View>
    </View>
  );
}

import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { WechatPayParams } from '@contracts';
import { formatFen } from '@display';
import { sandboxPay } from '../../../services/payment';
import { startPayment } from '../../../services/shop';
import '../../../components/shop.css';
import './index.css';

/**
 * The H5 cashier in sandbox mode: a plain browser has no WeChat cashier, so this page stands in for it and pays
 * through the WeChat Pay simulator with the server's real signed parameters (the simulator checks the paySign).
 */
export default function Cashier() {
  const router = useRouter();
  const orderId = Number(router.params.orderId);
  const next = router.params.next ? `&next=${router.params.next}` : '';
  const [params, setParams] = useState<WechatPayParams | null>(null);
  const [paying, setPaying] = useState(false);

  useEffect(() => {
    void startPayment(orderId, 'wechat').then((res) => {
      if (res.channel === 'wechat') setParams(res);
    });
  }, [orderId]);

  const pay = async () => {
    if (!params) return;
    setPaying(true);
    try {
      await sandboxPay(params);
      void Taro.redirectTo({ url: `/subpackages/order/result/index?orderId=${orderId}${next}` });
    } finally {
      setPaying(false);
    }
  };

  return (
    <View className="shop-page cashier">
      <View className="shop-card cashier__card">
        <Text className="cashier__label">需支付</Text>
        <Text className="cashier__amount">{params ? formatFen(params.payableFen) : '—'}</Text>
        <Text className="shop-row__muted">订单号 {params?.orderNo ?? ''}</Text>
        <Text className="cashier__hint">沙箱收银台：模拟微信支付，不会产生真实扣款</Text>
        <Button
          className="cashier-pay"
          type="primary"
          block
          shape="round"
          loading={paying}
          disabled={!params || paying}
          onClick={() => void pay()}
        >
          确认支付（沙箱）
        </Button>
      </View>
    </View>
  );
}

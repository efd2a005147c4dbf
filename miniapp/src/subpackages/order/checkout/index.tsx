import { useEffect, useMemo, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Address, CheckoutPreview } from '@contracts';
import AddressPicker from '../../../components/AddressPicker';
import { formatFen } from '@display';
import { useSubmit } from '../../../hooks/useSubmit';
import { specsLabel } from '../../../services/labels';
import { payOrder } from '../../../services/payment';
import { createOrder, decodeItems, previewCheckout } from '../../../services/shop';
import { requireLogin } from '../../../services/guard';
import LineImage from '../../../components/LineImage';
import '../../../components/shop.css';

/** Checkout: the server's own price breakdown (the same one the order charges), an address, and pay. */
export default function Checkout() {
  const router = useRouter();
  const items = useMemo(() => decodeItems(router.params.items), [router.params.items]);
  const [preview, setPreview] = useState<CheckoutPreview | null>(null);
  const [address, setAddress] = useState<Address | null>(null);
  const [remark, setRemark] = useState('');
  // placing carries one Idempotency-Key until it succeeds; a double tap or a retry never makes two orders
  const { submit: place, busy } = useSubmit();
  // once placed, this page's intent is done: coming back from the cashier pays that order instead of a new one
  // (a ref, read synchronously by the next tap; the state only relabels the button)
  const placedRef = useRef<number | null>(null);
  const [placed, setPlaced] = useState(false);

  useEffect(() => {
    if (!requireLogin() || !items.length) return;
    void previewCheckout(items).then(setPreview);
  }, [items]);

  const submit = async () => {
    if (!address) {
      void Taro.showToast({ title: '请先填写收货地址', icon: 'none' });
      return;
    }
    // busy until the cashier is up; the key renews once the order exists, whatever the payment does
    await place(async (key) => {
      placedRef.current ??= (await createOrder(items, address.id, remark, key)).id;
      const orderId = placedRef.current;
      setPlaced(true);
      // the cashier (h5) or the result page replaces this one: back never finds a live 提交订单 again
      await payOrder(orderId, undefined, { replace: true }).catch(() => {
        // the user closed the cashier: the order waits in the list, payable until its deadline
        void Taro.redirectTo({ url: `/subpackages/order/detail/index?id=${orderId}` });
      });
      if (process.env.TARO_ENV !== 'h5')
        void Taro.redirectTo({ url: `/subpackages/order/result/index?orderId=${orderId}` });
    });
  };

  if (!items.length) return <View className="shop-empty">没有要结算的商品</View>;
  const blocked = preview?.lines.some((l) => !l.available) ?? true;

  return (
    <View className="shop-page checkout">
      <AddressPicker value={address} onChange={setAddress} />
      <View className="shop-card">
        {preview?.lines.map((l) => (
          <View className="shop-line" key={l.skuId}>
            <LineImage src={l.image} />
            <View className="shop-line__body">
              <Text className="shop-line__title">{l.title}</Text>
              <Text className="shop-line__specs">{specsLabel(l.specs)}</Text>
              <View className="shop-line__foot">
                <Text className="shop-price">{formatFen(l.unitPriceFen)}</Text>
                <Text>×{l.quantity}</Text>
              </View>
              {!l.available && <Text className="shop-tag">库存不足或已下架</Text>}
            </View>
          </View>
        ))}
      </View>
      {preview && (
        <View className="shop-card checkout-breakdown">
          <View className="shop-row">
            <Text>商品金额</Text>
            <Text>{formatFen(preview.itemsTotalFen)}</Text>
          </View>
          {preview.discountFen > 0 && (
            <View className="shop-row">
              <Text>优惠</Text>
              <Text className="shop-price">-{formatFen(preview.discountFen)}</Text>
            </View>
          )}
          <View className="shop-row">
            <Text>运费</Text>
            <Text>{preview.shippingFen ? formatFen(preview.shippingFen) : '包邮'}</Text>
          </View>
          <Input
            className="shop-input checkout-remark"
            placeholder="订单备注（选填）"
            value={remark}
            maxlength={200}
            onInput={(e) => setRemark(e.detail.value)}
          />
        </View>
      )}
      <View className="shop-bar">
        <Text className="shop-bar__total">
          实付 <Text className="shop-price checkout-payable">{preview ? formatFen(preview.payableFen) : '—'}</Text>
        </Text>
        <Button
          className="checkout-submit"
          type="primary"
          shape="round"
          loading={busy}
          disabled={busy || (blocked && !placed)}
          onClick={() => void submit()}
        >
          {placed ? '去支付' : '提交订单'}
        </Button>
      </View>
    </View>
  );
}

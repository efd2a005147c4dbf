import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Address, SeckillSession, SeckillShopItem } from '@contracts';
import { SECKILL_ACTION_LABELS, seckillAction, seckillRefusal } from '@display';
import AddressPicker from '../../../components/AddressPicker';
import QuantityStepper from '../../../components/QuantityStepper';
import { useSubmit } from '../../../hooks/useSubmit';
import { requireLogin } from '../../../services/guard';
import { payOrder } from '../../../services/payment';
import { ApiError, toastError } from '../../../services/request';
import { grab, listSessions, sessionItems, waitForOrder } from '../../../services/seckill';
import ItemLine from '../ItemLine';
import '../../../components/shop.css';
import '../seckill.css';

type Phase = { at: 'ready' } | { at: 'queued' } | { at: 'refused'; code: string | undefined };

/**
 * 秒杀抢购: the item, an address and 立即抢购. The tap is queued by the server (202) and the page waits for the
 * order writer; once the order exists it goes straight to payment. A refusal (sold out, limit) says why, in place.
 */
export default function SeckillGrab() {
  const { params } = useRouter();
  const itemId = Number(params.item);
  const sessionId = Number(params.session);
  const [item, setItem] = useState<SeckillShopItem | null>(null);
  const [session, setSession] = useState<SeckillSession | null>(null);
  const [address, setAddress] = useState<Address | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [phase, setPhase] = useState<Phase>({ at: 'ready' });
  // one tap is one intent: its Idempotency-Key is the attempt's, so a retried tap never grabs twice
  const { submit, busy } = useSubmit();
  // once the writer made the order, coming back pays that order instead of grabbing again
  const orderRef = useRef<number | null>(null);

  const load = () => {
    void sessionItems(sessionId).then((r) => setItem(r.items.find((i) => i.id === itemId) ?? null));
    void listSessions().then((r) => setSession(r.items.find((s) => s.id === sessionId) ?? null));
  };
  useEffect(() => {
    if (requireLogin()) load();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const pay = async (orderId: number) => {
    await payOrder(orderId, undefined, { replace: true }).catch(() => {
      // the cashier was closed: the order waits in the list, payable for its 5 minutes
      void Taro.redirectTo({ url: `/subpackages/order/detail/index?id=${orderId}` });
    });
    if (process.env.TARO_ENV !== 'h5')
      void Taro.redirectTo({ url: `/subpackages/order/result/index?orderId=${orderId}` });
  };

  const onGrab = () =>
    void submit(async (key) => {
      if (orderRef.current !== null) return pay(orderRef.current);
      if (!item) return;
      if (!address) {
        void Taro.showToast({ title: '请先填写收货地址', icon: 'none' });
        return;
      }
      let attempt;
      try {
        attempt = await grab(item.id, quantity, address.id, key);
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          setPhase({ at: 'refused', code: err.code });
          load();
          return;
        }
        toastError(err);
        throw err; // the key stays: the retry is the same attempt
      }
      setPhase({ at: 'queued' });
      const done = attempt.status === 'queued' ? await waitForOrder(attempt.attemptId) : attempt;
      if (done.status !== 'ordered' || !done.orderId) {
        setPhase({ at: 'refused', code: done.status === 'queued' ? 'SECKILL_BUSY' : done.reason });
        return;
      }
      orderRef.current = done.orderId;
      await pay(done.orderId);
    });

  if (!item || !session) return <View className="shop-page sk-grab-page" />;
  const action = seckillAction(session.status, item.remaining);
  const refused = phase.at === 'refused';
  const label =
    phase.at === 'queued'
      ? '排队抢购中…'
      : SECKILL_ACTION_LABELS[refused && phase.code === 'SOLD_OUT' ? 'sold_out' : action];

  return (
    <View className="shop-page sk-grab-page">
      <AddressPicker value={address} onChange={setAddress} />
      <View className="shop-card">
        <ItemLine item={item}>
          {item.perUserLimit > 1 && (
            <QuantityStepper
              label="抢购数量"
              min={1}
              max={item.perUserLimit}
              value={quantity}
              onChange={(v) => setQuantity(Number(v))}
            />
          )}
        </ItemLine>
        {phase.at === 'queued' && <Text className="sk-grab-status">已抢到名额，正在生成订单…</Text>}
        {refused && (
          <View className="sk-grab-status sk-grab-status--refused" role="alert">
            {seckillRefusal(phase.code)}
          </View>
        )}
      </View>
      <View className="shop-bar">
        <Text className="shop-bar__total">5 分钟内付款，超时名额释放</Text>
        <Button
          className="sk-grab"
          type="primary"
          shape="round"
          loading={busy}
          disabled={
            busy || (orderRef.current === null && (action !== 'grab' || (refused && phase.code === 'SOLD_OUT')))
          }
          onClick={onGrab}
        >
          {orderRef.current !== null ? '去支付' : label}
        </Button>
      </View>
    </View>
  );
}

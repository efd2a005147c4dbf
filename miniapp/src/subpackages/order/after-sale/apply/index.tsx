import { useEffect, useMemo, useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import QuantityStepper from '../../../../components/QuantityStepper';
import type { AfterSaleAvailability, Order } from '@contracts';
import { formatFen, MAX_AFTER_SALE_PHOTOS, statusLabel, statusOptions } from '@display';
import { useSubmit } from '../../../../hooks/useSubmit';
import { requireLogin } from '../../../../services/guard';
import { specsLabel } from '../../../../services/labels';
import { getOrder } from '../../../../services/shop';
import {
  afterSaleAvailability,
  pickPhotos,
  requestAfterSale,
  uploadAfterSalePhoto,
  type PickedPhoto,
} from '../../../../services/after-sales';
import LineImage from '../../../../components/LineImage';
import { allowedType, detailPage, TYPE_HINT, type AfterSaleType } from '../types';
import '../../../../components/shop.css';
import '../after-sale.css';

const TYPES: AfterSaleType[] = ['refund_only', 'return_refund'];
const REASONS = statusOptions('afterSaleReason');

/** The buyer's after-sale request: type, reason from the list, units per line, a note and up to three photos. */
export default function AfterSaleApply() {
  const orderId = Number(useRouter().params.orderId);
  const [order, setOrder] = useState<Order | null>(null);
  const [available, setAvailable] = useState<AfterSaleAvailability | null>(null);
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const { submit, busy } = useSubmit();

  useEffect(() => {
    if (!requireLogin()) return;
    void Promise.all([getOrder(orderId), afterSaleAvailability(orderId)]).then(
      ([o, a]) => {
        setOrder(o);
        setAvailable(a);
        // everything still available is preselected: most requests are for the whole order
        setQuantities(Object.fromEntries(a.lines.map((l) => [l.orderItemId, l.available])));
      },
      () => setLoadFailed(true),
    );
  }, [orderId]);

  const type = order ? allowedType(order.status) : null;
  const left = (itemId: number) => available?.lines.find((l) => l.orderItemId === itemId)?.available ?? 0;
  const chosen = useMemo(
    () =>
      Object.entries(quantities)
        .map(([id, quantity]) => ({ orderItemId: Number(id), quantity }))
        .filter((l) => l.quantity > 0),
    [quantities],
  );
  const goodsFen = order
    ? chosen.reduce((s, l) => s + (order.items.find((i) => i.id === l.orderItemId)?.unitPriceFen ?? 0) * l.quantity, 0)
    : 0;

  const choosePhotos = async () => {
    const picked = await pickPhotos(MAX_AFTER_SALE_PHOTOS - photos.length);
    setPhotos((p) => [...p, ...picked].slice(0, MAX_AFTER_SALE_PHOTOS));
  };

  const onSubmit = async () => {
    if (!order || !type || busy) return;
    if (!chosen.length) return setProblem('请至少选择一件商品');
    if (!reason) return setProblem('请选择售后原因');
    setProblem(null);
    const created = await submit((key) =>
      requestAfterSale(orderId, { type, reason, note: note.trim() || undefined, lines: chosen }, key),
    );
    if (!created) return;
    // the request stands on its own; a photo that fails can be added again from its page
    let failed = 0;
    for (const p of photos) await uploadAfterSalePhoto(created.id, p).catch(() => failed++);
    void Taro.showToast({ title: failed ? `已提交，${failed} 张图片未上传` : '已提交售后申请', icon: 'none' });
    // the form is done with: back leads to the order, not to a second request
    void Taro.redirectTo({ url: detailPage(created.id) });
  };

  if (!order || !available)
    return <View className="shop-empty">{loadFailed ? '订单加载失败，请返回重试' : '加载中…'}</View>;
  if (!type)
    return (
      <View className="shop-empty after-sale-unavailable">
        该订单当前不能申请售后（{statusLabel('order', order.status)}）
      </View>
    );
  return (
    <View className="shop-page after-sale-apply">
      <View className="shop-card">
        <Text className="shop-card__title">售后类型</Text>
        <View className="after-sale-chips">
          {TYPES.map((t) => (
            <View
              key={t}
              className={`after-sale-chip after-sale-type${t === type ? ' after-sale-chip--active' : ' after-sale-chip--disabled'}`}
            >
              {statusLabel('afterSaleType', t)}
            </View>
          ))}
        </View>
        <Text className="shop-row__muted">{TYPE_HINT[type]}</Text>
      </View>

      <View className="shop-card">
        <Text className="shop-card__title">申请商品与数量</Text>
        {order.items.map((i) => (
          <View className="shop-line after-sale-line" key={i.id}>
            <LineImage src={i.image} />
            <View className="shop-line__body">
              <Text className="shop-line__title">{i.title}</Text>
              <Text className="shop-line__specs">{specsLabel(i.specs)}</Text>
              <View className="shop-line__foot">
                <Text>
                  {formatFen(i.unitPriceFen)} · 可申请 {left(i.id)}/{i.quantity}
                </Text>
                {left(i.id) > 0 ? (
                  <QuantityStepper
                    className="after-sale-qty"
                    label={`${i.title} 申请数量`}
                    min={0}
                    max={left(i.id)}
                    value={quantities[i.id] ?? 0}
                    onChange={(v) => setQuantities((q) => ({ ...q, [i.id]: Math.min(left(i.id), Number(v)) }))}
                  />
                ) : (
                  <Text className="shop-row__muted">已申请</Text>
                )}
              </View>
            </View>
          </View>
        ))}
      </View>

      <View className="shop-card">
        <Text className="shop-card__title">售后原因</Text>
        <View className="after-sale-chips">
          {REASONS.map((r) => (
            <View
              key={r.value}
              className={`after-sale-chip after-sale-reason${reason === r.value ? ' after-sale-chip--active' : ''}`}
              onClick={() => setReason(r.value)}
            >
              {r.label}
            </View>
          ))}
        </View>
        <Textarea
          className="shop-input after-sale-note"
          placeholder="补充说明（选填，最多 200 字）"
          value={note}
          maxlength={200}
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>

      <View className="shop-card">
        <Text className="shop-card__title">图片凭证（选填，最多 {MAX_AFTER_SALE_PHOTOS} 张）</Text>
        <View className="after-sale-photos">
          {photos.map((p, n) => (
            <View className="after-sale-photo" key={p.path}>
              <Image className="after-sale-photo__img" src={p.path} mode="aspectFill" />
              <View
                className="after-sale-photo__remove"
                onClick={() => setPhotos((all) => all.filter((_, i) => i !== n))}
              >
                ×
              </View>
            </View>
          ))}
          {photos.length < MAX_AFTER_SALE_PHOTOS && (
            <View className="after-sale-photo after-sale-photo--add" onClick={() => void choosePhotos()}>
              +
            </View>
          )}
        </View>
      </View>

      {problem && <Text className="after-sale-problem">{problem}</Text>}
      <View className="shop-bar">
        <Text className="shop-bar__total">
          预计退款 <Text className="shop-price after-sale-estimate">{formatFen(goodsFen)}</Text>
        </Text>
        <Button
          className="after-sale-submit"
          type="primary"
          shape="round"
          loading={busy}
          disabled={busy}
          onClick={() => void onSubmit()}
        >
          提交申请
        </Button>
      </View>
    </View>
  );
}

import { useCallback, useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { AfterSale, Order } from '@contracts';
import { formatDateTime, formatFen, MAX_AFTER_SALE_PHOTOS, statusLabel } from '@display';
import { requireLogin } from '../../../../services/guard';
import { resolveAsset } from '../../../../services/env';
import { getOrder } from '../../../../services/shop';
import {
  cancelAfterSale,
  getAfterSale,
  pickPhotos,
  sendReturn,
  uploadAfterSalePhoto,
} from '../../../../services/after-sales';
import { acceptsPhotos } from '../types';
import '../../../../components/shop.css';
import '../after-sale.css';

/** What happens next, in the buyer's words. */
const NEXT: Record<AfterSale['status'], string> = {
  requested: '等待商家审核',
  awaiting_return: '商家已同意，请按下方地址寄回商品并填写物流单号',
  returning: '商家收到退货后将原路退款',
  refunding: '退款处理中，将原路退回',
  refunded: '退款已原路退回',
  rejected: '商家已驳回申请',
  cancelled: '你已撤销申请',
};

/** One after-sale: its state, the return address and shipment form once a return is approved, photos, cancel. */
export default function AfterSaleDetail() {
  const id = Number(useRouter().params.id);
  const [a, setA] = useState<AfterSale | null>(null);
  const [order, setOrder] = useState<Order | null>(null);
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    if (!requireLogin()) return;
    // a failed load has been shown to the user by the request layer; the page stays as it was
    void getAfterSale(id).then(
      (got) => {
        setA(got);
        void getOrder(got.orderId).then(setOrder, () => undefined);
      },
      () => undefined,
    );
  }, [id]);
  useDidShow(load);

  const run = async (fn: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    try {
      await fn();
      load();
    } catch {
      /* the request layer has told the user */
    } finally {
      setBusy(false);
    }
  };

  const onSend = () => {
    if (!carrier.trim() || !trackingNo.trim()) {
      void Taro.showToast({ title: '请填写物流公司和运单号', icon: 'none' });
      return;
    }
    void run(() => sendReturn(id, carrier.trim(), trackingNo.trim()));
  };
  const onCancel = async () => {
    if (!(await Taro.showModal({ title: '撤销这个售后申请？', confirmColor: '#e1251b' })).confirm) return;
    void run(() => cancelAfterSale(id));
  };
  const onAddPhotos = async () => {
    if (!a) return;
    const picked = await pickPhotos(MAX_AFTER_SALE_PHOTOS - a.photos.length);
    if (picked.length)
      void run(async () => {
        for (const p of picked) await uploadAfterSalePhoto(id, p);
      });
  };

  if (!a) return <View className="shop-empty">加载中…</View>;
  const title = (itemId: number) => order?.items.find((i) => i.id === itemId)?.title ?? `商品 #${itemId}`;
  const addr = a.returnAddress;
  return (
    <View className="shop-page after-sale-detail">
      <View className="shop-card">
        <Text className="shop-card__title after-sale-status">{statusLabel('afterSale', a.status)}</Text>
        <Text className="shop-row__muted after-sale-next">{NEXT[a.status]}</Text>
        {a.status === 'rejected' && a.operatorNote && <Text className="shop-row__muted">原因：{a.operatorNote}</Text>}
      </View>

      {addr && (a.status === 'awaiting_return' || a.status === 'returning') && (
        <View className="shop-card after-sale-return-address">
          <Text className="shop-card__title">退货地址</Text>
          <Text>
            {addr.name} {addr.phone}
          </Text>
          <Text className="shop-row__muted">{addr.address}</Text>
        </View>
      )}

      {a.status === 'awaiting_return' && (
        <View className="shop-card after-sale-return-form">
          <Text className="shop-card__title">填写退货物流</Text>
          <Input
            className="shop-input after-sale-carrier"
            placeholder="物流公司，如 顺丰速运"
            value={carrier}
            maxlength={32}
            onInput={(e) => setCarrier(e.detail.value)}
          />
          <Input
            className="shop-input after-sale-tracking"
            placeholder="运单号"
            value={trackingNo}
            maxlength={64}
            onInput={(e) => setTrackingNo(e.detail.value)}
          />
          <Button className="after-sale-send" type="primary" loading={busy} disabled={busy} onClick={onSend}>
            提交物流信息
          </Button>
        </View>
      )}

      {a.returnCarrier && (
        <View className="shop-card">
          <Text className="shop-card__title">退货物流</Text>
          <Text className="after-sale-shipment">
            {a.returnCarrier} {a.returnTrackingNo}
          </Text>
        </View>
      )}

      <View className="shop-card">
        <View className="shop-row">
          <Text>{statusLabel('afterSaleType', a.type)}</Text>
          <Text className="shop-price">{formatFen(a.amountFen)}</Text>
        </View>
        {a.lines.map((l) => (
          <View className="shop-row" key={l.orderItemId}>
            <Text className="after-sale-line-title">{title(l.orderItemId)}</Text>
            <Text>×{l.quantity}</Text>
          </View>
        ))}
        <View className="shop-row">
          <Text>原因</Text>
          <Text className="after-sale-reason-label">{statusLabel('afterSaleReason', a.reason)}</Text>
        </View>
        {a.note && <Text className="shop-row__muted after-sale-note-text">{a.note}</Text>}
        <Text className="shop-row__muted">
          订单号 {a.orderNo} · 申请于 {formatDateTime(a.createdAt)}
        </Text>
      </View>

      {(a.photos.length > 0 || acceptsPhotos(a)) && (
        <View className="shop-card">
          <Text className="shop-card__title">图片凭证</Text>
          <View className="after-sale-photos">
            {a.photos.map((p) => (
              <Image
                key={p.id}
                className="after-sale-photo after-sale-photo__img"
                src={resolveAsset(p.url)}
                mode="aspectFill"
                onClick={() =>
                  void Taro.previewImage({
                    current: resolveAsset(p.url),
                    urls: a.photos.map((x) => resolveAsset(x.url)),
                  })
                }
              />
            ))}
            {acceptsPhotos(a) && (
              <View className="after-sale-photo after-sale-photo--add" onClick={() => void onAddPhotos()}>
                +
              </View>
            )}
          </View>
        </View>
      )}

      {(a.status === 'requested' || a.status === 'awaiting_return') && (
        <View className="shop-bar">
          <Button className="after-sale-cancel" size="small" disabled={busy} onClick={() => void onCancel()}>
            撤销申请
          </Button>
        </View>
      )}
    </View>
  );
}

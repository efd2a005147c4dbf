import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Order, OrderPayments } from '@contracts';
import { requireLogin } from '../../../services/guard';
import { formatDateTime, formatFen, orderFacts, statusLabel } from '@display';
import { addressText, countdown, specsLabel } from '../../../services/labels';
import { payOrder } from '../../../services/payment';
import { cancelOrder, confirmReceipt, getOrder, orderPayments } from '../../../services/shop';
import OrderAfterSales from '../after-sale/OrderAfterSales';
import { applyPage } from '../after-sale/types';
import LineImage from '../../../components/LineImage';
import '../../../components/shop.css';

/** One order: state, address, lines, money, shipment, refunds, and what the user can do now. */
export default function OrderDetail() {
  const id = Number(useRouter().params.id);
  const [order, setOrder] = useState<Order | null>(null);
  const [payments, setPayments] = useState<OrderPayments | null>(null);

  const load = useCallback(() => {
    if (!requireLogin()) return;
    void getOrder(id).then(setOrder);
    void orderPayments(id).then(setPayments);
  }, [id]);
  useDidShow(load);

  const act = (fn: () => Promise<unknown>, confirm?: string) => async () => {
    if (confirm && !(await Taro.showModal({ title: confirm, confirmColor: '#e1251b' })).confirm) return;
    await fn();
    load();
  };
  // an after-sale is a page of its own: type, reason, units per line, a note and photos
  const openAfterSale = () => void Taro.navigateTo({ url: applyPage(id) });

  if (!order) return <View className="shop-empty">加载中…</View>;
  const a = order.address;
  return (
    <View className="shop-page order-detail">
      <View className="shop-card">
        <Text className="shop-card__title order-status">{statusLabel('order', order.status)}</Text>
        {order.status === 'pending_payment' && (
          <Text className="shop-row__muted">请在 {countdown(order.payDeadline)} 内支付，超时订单将自动取消</Text>
        )}
        {order.carrier && (
          <Text className="shop-row__muted order-shipment">
            {order.carrier} {order.trackingNo}
            {order.shippedAt ? ` · ${formatDateTime(order.shippedAt)} 发货` : ''}
          </Text>
        )}
      </View>
      <View className="shop-card">
        <Text>
          {a.name} {a.phone}
        </Text>
        <Text className="shop-row__muted">{addressText(a)}</Text>
        {!!order.remark && (
          <Text className="shop-row__muted order-remark">
            备注：<Text className="order-remark__text">{order.remark}</Text>
          </Text>
        )}
      </View>
      <View className="shop-card">
        {order.items.map((i) => (
          <View className="shop-line order-line" key={i.id}>
            <LineImage src={i.image} />
            <View className="shop-line__body">
              <Text className="shop-line__title">{i.title}</Text>
              <Text className="shop-line__specs">{specsLabel(i.specs)}</Text>
              <View className="shop-line__foot">
                <Text>{formatFen(i.unitPriceFen)}</Text>
                <Text>×{i.quantity}</Text>
              </View>
            </View>
          </View>
        ))}
        <View className="shop-row">
          <Text>商品金额</Text>
          <Text>{formatFen(order.itemsTotalFen)}</Text>
        </View>
        <View className="shop-row">
          <Text>运费</Text>
          <Text>{order.shippingFen ? formatFen(order.shippingFen) : '包邮'}</Text>
        </View>
        <View className="shop-row">
          <Text>实付</Text>
          <Text className="shop-price">{formatFen(order.payableFen)}</Text>
        </View>
      </View>
      <View className="shop-card order-facts">
        {orderFacts(order, payments).map(([label, value]) => (
          <View className="shop-row order-fact" key={label}>
            <Text className="shop-row__muted">{label}</Text>
            <Text className="order-fact__value">{value}</Text>
          </View>
        ))}
      </View>
      {!!payments?.refunds.length && (
        <View className="shop-card">
          <Text className="shop-card__title">退款</Text>
          {payments.refunds.map((r) => (
            <View className="shop-row" key={r.id}>
              <Text>{formatFen(r.amountFen)}</Text>
              <Text className="shop-row__muted">{statusLabel('refund', r.status)}</Text>
            </View>
          ))}
        </View>
      )}
      <OrderAfterSales order={order} />
      <View className="shop-bar">
        {order.status === 'pending_payment' && (
          <>
            <Button
              className="order-cancel"
              size="small"
              onClick={() => void act(() => cancelOrder(id), '取消这个订单？')()}
            >
              取消订单
            </Button>
            <Button className="order-pay" size="small" type="primary" onClick={() => void payOrder(id).then(load)}>
              去支付
            </Button>
          </>
        )}
        {order.status === 'to_ship' && (
          <Button className="order-refund" size="small" onClick={openAfterSale}>
            申请退款
          </Button>
        )}
        {order.status === 'completed' && (
          // the server holds the window (7 days after receipt) and says so when it has passed
          <Button className="order-return" size="small" onClick={openAfterSale}>
            申请售后
          </Button>
        )}
        {order.status === 'shipped' && (
          <>
            <Button className="order-return" size="small" onClick={openAfterSale}>
              退货退款
            </Button>
            <Button
              className="order-confirm-receipt"
              size="small"
              type="primary"
              onClick={() => void act(() => confirmReceipt(id), '确认已收到商品？')()}
            >
              确认收货
            </Button>
          </>
        )}
      </View>
    </View>
  );
}

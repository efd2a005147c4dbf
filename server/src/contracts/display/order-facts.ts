// An order's record as people read it, in the shop's order detail and the admin's order drawer alike.
import type { Order } from '../order';
import type { OrderPayments } from '../payment';
import { statusLabel } from './labels';
import { formatDateTime } from './time';

type OrderTimes = Pick<
  Order,
  'orderNo' | 'createdAt' | 'paidAt' | 'carrier' | 'trackingNo' | 'shippedAt' | 'completedAt' | 'cancelledAt'
>;

/**
 * Number, when the order was placed, paid (and how), shipped (carrier, tracking number, time), received or
 * cancelled, in China time. Only what has happened is listed.
 */
export function orderFacts(
  order: OrderTimes,
  payments: Pick<OrderPayments, 'payments'> | null,
): [label: string, value: string][] {
  const paid = payments?.payments.find((p) => p.status === 'paid');
  const at = (instant: string | null) => (instant ? formatDateTime(instant) : null);
  const facts: [string, string | null][] = [
    ['订单编号', order.orderNo],
    ['下单时间', at(order.createdAt)],
    ['支付时间', at(order.paidAt)],
    ['支付方式', paid ? statusLabel('paymentChannel', paid.channel) : null],
    ['物流公司', order.carrier],
    ['运单号', order.trackingNo],
    ['发货时间', at(order.shippedAt)],
    ['收货时间', at(order.completedAt)],
    ['取消时间', at(order.cancelledAt)],
  ];
  return facts.filter((f): f is [string, string] => f[1] !== null);
}

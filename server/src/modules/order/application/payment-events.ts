// The order side of payments: what a payment needs to know about an order, and the order's moves when money
// arrives or goes back. Each runs inside the payment's transaction, under the order row lock.
import type { Transaction } from 'sequelize';
import { notFound } from '../../../kernel/errors';
import type { OrderStatus } from '../domain/lifecycle';
import type { OrderDeps } from './ports';
import { endRefund } from './refund-state';
import { lockOrderRow, moveOrder } from './transitions';

export async function orderForPayment(deps: OrderDeps, userId: number, orderId: number) {
  const order = await deps.models.Order.findOne({ where: { id: orderId, userId } });
  if (!order) throw notFound('订单', 'ORDER_NOT_FOUND');
  const o = order.get({ plain: true });
  const first = await deps.models.OrderItem.findOne({ where: { orderId }, order: [['id', 'ASC']] });
  const count = await deps.models.OrderItem.count({ where: { orderId } });
  const title = first?.getDataValue('title') ?? '商品';
  return {
    id: o.id,
    orderNo: o.orderNo,
    userId: o.userId,
    status: o.status,
    payableFen: o.payableFen,
    payDeadline: new Date(o.payDeadline),
    description: count > 1 ? `${title} 等${count}件商品` : title,
  };
}

const lockOrder = async (deps: OrderDeps, orderId: number, t: Transaction) =>
  (await lockOrderRow(deps, t, orderId)).get({ plain: true });

/** Money arrived for the order: a pending order moves on (to_ship, or the status its kind decides). */
export async function applyPaid(
  deps: OrderDeps,
  orderId: number,
  paidFen: number,
  paidAt: Date,
  t: Transaction,
): Promise<'applied' | 'cancelled' | 'already_paid'> {
  const order = await lockOrder(deps, orderId, t);
  if (order.status === 'cancelled') return 'cancelled';
  if (order.status !== 'pending_payment') return 'already_paid';
  const hooks = deps.kinds[order.kind];
  const next: OrderStatus = hooks ? await hooks.paidStatus(order, t) : 'to_ship';
  await moveOrder(deps, orderId, 'pending_payment', next, { paidFen, paidAt }, t);
  const items = await deps.models.OrderItem.findAll({
    where: { orderId },
    attributes: ['productId', 'quantity'],
    transaction: t,
  });
  await deps.catalog.addSales(
    items.map((i) => ({ productId: i.getDataValue('productId'), quantity: i.getDataValue('quantity') })),
    t,
  );
  return 'applied';
}

/** A refund settled: once refunds cover what was paid the order is refunded; a partial one goes back. */
const REFUND_REASONS: Record<string, string> = {
  late_payment: '订单已取消，款项原路退回',
  duplicate_payment: '重复支付，款项原路退回',
  group_failed: '拼团未成功，款项原路退回',
  after_sale: '售后退款',
  operator: '商家退款',
};

export async function refundSettled(
  deps: OrderDeps,
  orderId: number,
  refundedFen: number,
  settled: { amountFen: number; reason: string },
  t: Transaction,
) {
  const order = await lockOrder(deps, orderId, t);
  await deps.notify?.(t, order.userId, 'refund_succeeded', {
    orderNo: order.orderNo,
    amountFen: settled.amountFen,
    reason: REFUND_REASONS[settled.reason] ?? '退款',
  });
  if (order.status !== 'refunding') return;
  if (refundedFen >= order.paidFen) {
    await moveOrder(deps, orderId, 'refunding', 'refunded', { statusBeforeRefund: null }, t);
    await deps.kinds[order.kind]?.refunded?.(order, t);
  } else await endRefund(deps, orderId, t);
}

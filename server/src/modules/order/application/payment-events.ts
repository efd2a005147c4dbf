// The order side of payments: what a payment needs to know about an order, and the order's moves when money
// arrives or goes back. Each runs inside the payment's transaction, under the order row lock, and publishes the
// order event in it (group buy confirms its seat there; the outbox carries the durable subscribers).
import type { Transaction } from 'sequelize';
import { OrderErrors } from '../errors';
import type { OrderDeps } from './ports';
import { endRefund } from './refund-state';
import { eventBase, lockOrderRow, moveOrder } from './transitions';

/**
 * What a payment needs to know about an order: the owner's only when `userId` is given (anyone else's is
 * ORDER_NOT_FOUND), under the order's write lock with `lock` (starting a payment holds it, so a cancel queues
 * behind it and sees the payment it started).
 */
export async function orderForPayment(
  deps: OrderDeps,
  t: Transaction | undefined,
  orderId: number,
  opts: { userId?: number; lock?: boolean } = {},
) {
  const where = opts.userId !== undefined ? { id: orderId, userId: opts.userId } : { id: orderId };
  const lock = opts.lock && t && deps.db.rowLocks ? t.LOCK.UPDATE : undefined;
  const order = await deps.models.Order.findOne({ where, transaction: t, lock });
  if (!order) throw OrderErrors.ORDER_NOT_FOUND();
  const o = order.get({ plain: true });
  const lines = { where: { orderId }, transaction: t };
  const first = await deps.models.OrderItem.findOne({ ...lines, order: [['id', 'ASC']] });
  const count = await deps.models.OrderItem.count(lines);
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

/** Money arrived for the order: a pending order moves on (to_ship, or the status its kind declares). */
export async function applyPaid(
  deps: OrderDeps,
  t: Transaction,
  orderId: number,
  paidFen: number,
  paidAt: Date,
): Promise<'applied' | 'cancelled' | 'already_paid'> {
  const order = await lockOrderRow(deps, t, orderId);
  if (order.status === 'cancelled') return 'cancelled';
  if (order.status !== 'pending_payment') return 'already_paid';
  const next = deps.kinds.find((k) => k.kind === order.kind)?.paidStatus ?? 'to_ship';
  await moveOrder(deps, t, orderId, 'pending_payment', next, { paidFen, paidAt });
  const items = await deps.models.OrderItem.findAll({
    where: { orderId },
    attributes: ['productId', 'quantity'],
    transaction: t,
  });
  await deps.catalog.addSales(
    t,
    items.map((i) => ({ productId: i.getDataValue('productId'), quantity: i.getDataValue('quantity') })),
  );
  await deps.events.publish(t, 'order.paid', { ...eventBase(order), paidFen, status: next }, String(orderId));
  return 'applied';
}

const REFUND_REASONS: Record<string, string> = {
  late_payment: '订单已取消，款项原路退回',
  duplicate_payment: '重复支付，款项原路退回',
  group_failed: '拼团未成功，款项原路退回',
  after_sale: '售后退款',
  operator: '商家退款',
};

/** A refund settled: once refunds cover what was paid the order is refunded; a partial one goes back. */
export async function refundSettled(
  deps: OrderDeps,
  t: Transaction,
  orderId: number,
  refundedFen: number,
  settled: { amountFen: number; reason: string },
) {
  const order = await lockOrderRow(deps, t, orderId);
  await deps.notify(t, order.userId, 'refund_succeeded', {
    orderNo: order.orderNo,
    amountFen: settled.amountFen,
    reason: REFUND_REASONS[settled.reason] ?? '退款',
  });
  if (order.status !== 'refunding') return;
  const whole = refundedFen >= order.paidFen;
  if (whole) await moveOrder(deps, t, orderId, 'refunding', 'refunded', { statusBeforeRefund: null });
  else await endRefund(deps, t, orderId);
  await deps.events.publish(
    t,
    'order.refunded',
    { ...eventBase(order), amountFen: settled.amountFen, refundedFen, whole, shipped: Boolean(order.shippedAt) },
    `${orderId}:${refundedFen}`,
  );
}

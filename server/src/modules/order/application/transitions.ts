// Status changes. Each one is a conditional UPDATE on the expected current status, so two racing changes can
// never both apply; the declared table decides what is allowed at all.
import { Op, type Transaction } from 'sequelize';
import { AppError, conflict, notFound } from '../../../kernel/errors';
import { inTransaction } from '../../../platform/db/transaction';
import { assertTransition, type OrderStatus } from '../domain/lifecycle';
import type { OrderAttrs } from '../persistence/models';
import type { OrderDeps } from './ports';

/** Moves an order from `from` to `to` if it is still in `from`; false when someone else moved it first. */
export async function moveOrder(
  deps: OrderDeps,
  orderId: number,
  from: OrderStatus,
  to: OrderStatus,
  patch: Partial<OrderAttrs>,
  t: Transaction,
): Promise<boolean> {
  assertTransition(from, to);
  const [n] = await deps.models.Order.update(
    { ...patch, status: to },
    { where: { id: orderId, status: from }, transaction: t },
  );
  return n === 1;
}

/**
 * The order row under a write lock (the owner's only when `userId` is given), or 404. Every state change reads the
 * order this way, so racing changes queue on the row and each sees what the previous one left.
 */
export async function lockOrderRow(deps: OrderDeps, t: Transaction, orderId: number, userId?: number) {
  const order = await deps.models.Order.findOne({
    where: userId !== undefined ? { id: orderId, userId } : { id: orderId },
    transaction: t,
    lock: deps.db.rowLocks ? t.LOCK.UPDATE : undefined,
  });
  if (!order) throw notFound('订单', 'ORDER_NOT_FOUND');
  return order;
}

async function releaseOrderStock(deps: OrderDeps, orderId: number, t: Transaction) {
  const items = await deps.models.OrderItem.findAll({ where: { orderId }, transaction: t });
  await deps.catalog.releaseStock(
    items.map((i) => ({ skuId: i.getDataValue('skuId'), quantity: i.getDataValue('quantity') })),
    t,
  );
}

/** Cancels an unpaid order and returns its stock, exactly once. `userId` limits it to the owner's orders. */
export async function cancelOrder(
  deps: OrderDeps,
  orderId: number,
  reason: string,
  userId?: number,
): Promise<{ status: OrderStatus }> {
  // Close the channel orders first (nobody can pay after that), then cancel. A payment found while closing is
  // applied instead, and the order is no longer cancellable.
  const current = await deps.models.Order.findOne({ where: userId ? { id: orderId, userId } : { id: orderId } });
  if (!current) throw notFound('订单', 'ORDER_NOT_FOUND');
  if (current.getDataValue('status') === 'pending_payment' && deps.payments) {
    const closed = await deps.payments.closeOpenPayments(orderId);
    if (closed === 'paid') throw conflict('ORDER_ALREADY_PAID', '订单已支付，不能取消', { status: 'paid' });
    if (closed === 'unavailable')
      throw new AppError('unavailable', 'PAYMENT_CHANNEL_UNAVAILABLE', '暂时无法关闭支付单，请稍后再试');
  }
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const order = await lockOrderRow(deps, t, orderId, userId);
    const status = order.getDataValue('status');
    if (status === 'cancelled') return { status };
    if (status !== 'pending_payment') throw conflict('ORDER_STATE_INVALID', '只有待付款的订单可以取消', { status });
    const moved = await moveOrder(
      deps,
      orderId,
      'pending_payment',
      'cancelled',
      { cancelledAt: deps.clock.now(), cancelReason: reason },
      t,
    );
    if (!moved) {
      // a concurrent change won: cancelling twice is not an error, anything else is
      const now = (await lockOrderRow(deps, t, orderId)).getDataValue('status');
      if (now === 'cancelled') return { status: now };
      throw conflict('ORDER_STATE_INVALID', '订单状态已变化，请刷新', { status: now });
    }
    await releaseOrderStock(deps, orderId, t);
    await deps.kinds[order.getDataValue('kind')]?.cancelled?.(order.get({ plain: true }), t);
    return { status: 'cancelled' as const };
  });
}

export async function shipOrder(
  deps: OrderDeps,
  orderId: number,
  shipment: { carrier: string; trackingNo: string },
): Promise<{ status: OrderStatus }> {
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const order = await lockOrderRow(deps, t, orderId);
    const from = order.getDataValue('status');
    if (from !== 'to_ship') throw conflict('ORDER_STATE_INVALID', '只有待发货的订单可以发货', { status: from });
    const moved = await moveOrder(deps, orderId, 'to_ship', 'shipped', { ...shipment, shippedAt: deps.clock.now() }, t);
    if (!moved) throw conflict('ORDER_STATE_INVALID', '订单状态已变化，请刷新', {});
    const first = await deps.models.OrderItem.findOne({ where: { orderId }, order: [['id', 'ASC']], transaction: t });
    await deps.notify?.(t, order.getDataValue('userId'), 'order_shipped', {
      orderNo: order.getDataValue('orderNo'),
      title: first?.getDataValue('title') ?? '商品',
      ...shipment,
    });
    return { status: 'shipped' as const };
  });
}

/** The cancel-unpaid-orders job: every unpaid order past its deadline, through the same cancel path. */
export async function cancelExpiredOrders(deps: OrderDeps, now: Date): Promise<{ cancelled: number }> {
  const due = await deps.models.Order.findAll({
    where: { status: 'pending_payment', payDeadline: { [Op.lte]: now } },
    attributes: ['id'],
    limit: 500,
    order: [['id', 'ASC']],
  });
  let cancelled = 0;
  for (const o of due) {
    try {
      const r = await cancelOrder(deps, o.getDataValue('id'), 'payment_timeout');
      if (r.status === 'cancelled') cancelled++;
    } catch (err) {
      deps.logger.warn({ err, orderId: o.getDataValue('id') }, 'could not cancel an expired order');
    }
  }
  return { cancelled };
}

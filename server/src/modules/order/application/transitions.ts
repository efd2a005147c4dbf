// Status changes. Each one is `moveStatus` with the order lifecycle: a conditional UPDATE on the expected current
// status, so two racing changes can never both apply, checked against the declared table.
import { Op, type Transaction } from 'sequelize';
import type { OperatorRef } from '../../../platform/audit/audit-log';
import { inTransaction } from '../../../platform/db/transaction';
import { moveStatus } from '../../../platform/db/status-move';
import { ORDER_LIFECYCLE, type OrderStatus } from '../domain/lifecycle';
import { OrderErrors } from '../errors';
import { PaymentErrors } from '../../payment';
import type { OrderEventBase } from '../events';
import type { OrderAttrs } from '../persistence/models';
import { kindPolicy, type OrderDeps } from './ports';

/** Moves an order from `from` to `to` if it is still there; false when someone else moved it first. */
export async function moveOrder(
  deps: OrderDeps,
  t: Transaction,
  orderId: number,
  from: OrderStatus | readonly OrderStatus[],
  to: OrderStatus,
  patch: Partial<Omit<OrderAttrs, 'status'>> = {},
): Promise<boolean> {
  return (await moveStatus(t, deps.models.Order, ORDER_LIFECYCLE, { id: orderId }, from, to, patch)) === 1;
}

export const eventBase = (o: OrderAttrs): OrderEventBase => ({
  orderId: o.id,
  orderNo: o.orderNo,
  userId: o.userId,
  kind: o.kind,
});

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
  if (!order) throw OrderErrors.ORDER_NOT_FOUND();
  return order.get({ plain: true });
}

async function orderLines(deps: OrderDeps, t: Transaction, orderId: number) {
  const items = await deps.models.OrderItem.findAll({ where: { orderId }, transaction: t });
  return items.map((i) => ({ skuId: i.getDataValue('skuId'), quantity: i.getDataValue('quantity') }));
}

export type CancelOutcome = { status: OrderStatus };

/** how many times a cancel closes payments started while it was cancelling before it gives up (409) */
const CANCEL_ROUNDS = 4;

/**
 * Cancels an unpaid order and returns its stock, exactly once. `userId` limits it to the owner's orders. With
 * `ifUnpaid`, an order that was paid or moved on meanwhile is left alone and its status answered (the group-buy
 * close cancels unpaid seats this way; their payment hooks handle the rest).
 *
 * Close the channel orders first (nobody can pay after that), then cancel under the order's row lock. Starting a
 * payment creates its payment row and talks to the channel only under that same lock, from a pending order; so
 * once the cancel holds the lock, a payment row still open was started after the close (its prepay may have
 * reached the channel): the cancel goes back and closes it too, and cancels only when none is open. A payment
 * found while closing is applied instead, and the order is no longer cancellable.
 */
export async function cancelOrder(
  deps: OrderDeps,
  orderId: number,
  reason: string,
  opts: { userId?: number; ifUnpaid?: boolean; by?: OperatorRef } = {},
): Promise<CancelOutcome> {
  const where = opts.userId ? { id: orderId, userId: opts.userId } : { id: orderId };
  const movedOn = (status: OrderStatus) => {
    if (opts.ifUnpaid) return { status };
    throw OrderErrors.ORDER_STATE_INVALID({ status }, '只有待付款的订单可以取消');
  };
  for (let round = 1; ; round++) {
    const current = await deps.models.Order.findOne({ where });
    if (!current) throw OrderErrors.ORDER_NOT_FOUND();
    if (current.getDataValue('status') === 'pending_payment') {
      const closed = await deps.payments.closeOpenPayments(orderId);
      if (closed === 'paid') {
        if (opts.ifUnpaid) return { status: (await deps.models.Order.findByPk(orderId))!.getDataValue('status') };
        throw OrderErrors.ORDER_ALREADY_PAID({ status: 'paid' }, '订单已支付，不能取消');
      }
      if (closed === 'unavailable')
        throw PaymentErrors.PAYMENT_CHANNEL_UNAVAILABLE(undefined, '暂时无法关闭支付单，请稍后再试');
    }
    const outcome = await inTransaction(deps.sequelize, deps.db, async (t) => {
      const order = await lockOrderRow(deps, t, orderId, opts.userId);
      if (order.status === 'cancelled') return { status: order.status };
      if (order.status !== 'pending_payment') return movedOn(order.status);
      // read after the lock: a payment started before it is committed and seen here (see above)
      if ((await deps.payments.openPayments(t, orderId)) > 0) return 'payment_started' as const;
      return cancelLocked(deps, t, order, reason, opts.by);
    });
    if (outcome !== 'payment_started') return outcome;
    if (round >= CANCEL_ROUNDS)
      throw OrderErrors.ORDER_STATE_INVALID({ status: 'pending_payment' }, '订单正在支付中，请稍后再试');
  }
}

async function cancelLocked(
  deps: OrderDeps,
  t: Transaction,
  order: OrderAttrs,
  reason: string,
  by: OperatorRef | undefined,
): Promise<CancelOutcome> {
  const orderId = order.id;
  const moved = await moveOrder(deps, t, orderId, 'pending_payment', 'cancelled', {
    cancelledAt: deps.clock.now(),
    cancelReason: reason,
  });
  if (!moved) throw OrderErrors.ORDER_STATE_INVALID(undefined, '订单状态已变化，请刷新');
  // a kind with its own stock takes its units back on the order.cancelled event
  if (!kindPolicy(deps, order.kind)?.ownStock) await deps.catalog.releaseStock(t, await orderLines(deps, t, orderId));
  if (by)
    await deps.audit.record(t, by, {
      action: 'order.cancel',
      entity: 'order',
      entityId: orderId,
      before: { status: order.status },
      after: { status: 'cancelled', reason },
    });
  await deps.events.publish(t, 'order.cancelled', { ...eventBase(order), reason }, String(orderId));
  return { status: 'cancelled' };
}

export async function shipOrder(
  deps: OrderDeps,
  by: OperatorRef,
  orderId: number,
  shipment: { carrier: string; trackingNo: string },
): Promise<{ status: OrderStatus }> {
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const order = await lockOrderRow(deps, t, orderId);
    if (order.status !== 'to_ship')
      throw OrderErrors.ORDER_STATE_INVALID({ status: order.status }, '只有待发货的订单可以发货');
    if (!(await moveOrder(deps, t, orderId, 'to_ship', 'shipped', { ...shipment, shippedAt: deps.clock.now() })))
      throw OrderErrors.ORDER_STATE_INVALID(undefined, '订单状态已变化，请刷新');
    await deps.audit.record(t, by, {
      action: 'order.ship',
      entity: 'order',
      entityId: orderId,
      before: { status: order.status },
      after: { status: 'shipped', ...shipment },
    });
    const first = await deps.models.OrderItem.findOne({ where: { orderId }, order: [['id', 'ASC']], transaction: t });
    // the shipping notice is the notification module's: it follows this event through the outbox
    const title = first?.getDataValue('title') ?? '商品';
    await deps.events.publish(t, 'order.shipped', { ...eventBase(order), ...shipment, title }, String(orderId));
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
      const r = await cancelOrder(deps, o.getDataValue('id'), 'payment_timeout', { ifUnpaid: true });
      if (r.status === 'cancelled') cancelled++;
    } catch (err) {
      deps.logger.warn({ err, orderId: o.getDataValue('id') }, 'could not cancel an expired order');
    }
  }
  return { cancelled };
}

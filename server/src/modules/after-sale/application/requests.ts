// The consumer's side: request an after-sale (one open request per order), cancel it, send the goods back.
import { Op, type Transaction } from 'sequelize';
import type { z } from 'zod';
import type { AfterSaleRequest, ReturnShipment } from '../../../contracts/after-sale';
import { inTransaction } from '../../../platform/db/transaction';
import { moveStatus } from '../../../platform/db/status-move';
import {
  afterSaleAmount,
  checkAfterSaleType,
  LIVE_STATUSES,
  OPEN_STATUSES,
  AFTER_SALE_LIFECYCLE,
  type AfterSaleStatus,
  type OrderLine,
} from '../domain/rules';
import { AfterSaleErrors } from '../errors';
import type { AfterSaleAttrs } from '../persistence/models';
import type { AfterSaleDeps, OrderFacts } from './ports';
import { afterSaleView } from './view';

/** Each line of the order with the units live requests already hold, and whether one of them is still open. */
async function orderLines(deps: AfterSaleDeps, t: Transaction, order: OrderFacts) {
  const live = await deps.models.AfterSale.findAll({
    where: { orderId: order.id, status: { [Op.in]: [...LIVE_STATUSES] } },
    transaction: t,
  });
  const held = live.length
    ? await deps.models.AfterSaleItem.findAll({
        where: { afterSaleId: live.map((a) => a.getDataValue('id')) },
        transaction: t,
      })
    : [];
  const lines: OrderLine[] = order.items.map((i) => ({
    orderItemId: i.id,
    unitPriceFen: i.unitPriceFen,
    quantity: i.quantity,
    requestedBefore: held
      .filter((h) => h.getDataValue('orderItemId') === i.id)
      .reduce((s, h) => s + h.getDataValue('quantity'), 0),
  }));
  return { open: live.some((a) => OPEN_STATUSES.includes(a.getDataValue('status'))), lines };
}

/** What the buyer may still ask for, per line: the request page bounds its quantities with it. */
export async function afterSaleAvailability(deps: AfterSaleDeps, userId: number, orderId: number) {
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const order = await deps.orders.lockFacts(t, orderId, userId);
    const { lines } = await orderLines(deps, t, order);
    return {
      lines: lines.map((l) => ({
        orderItemId: l.orderItemId,
        quantity: l.quantity,
        available: Math.max(0, l.quantity - l.requestedBefore),
      })),
    };
  });
}

export async function requestAfterSale(
  deps: AfterSaleDeps,
  userId: number,
  orderId: number,
  input: z.output<typeof AfterSaleRequest>,
  idempotencyKey?: string,
) {
  const id = await deps.idempotency.run(userId, 'after_sales.create', idempotencyKey, async (t) => {
    const order = await deps.orders.lockFacts(t, orderId, userId);
    const type = checkAfterSaleType(input.type, order, deps.clock.now());
    if (!type.ok) throw AfterSaleErrors[type.code]({ status: order.status }, type.message);
    const { open, lines } = await orderLines(deps, t, order);
    if (open) throw AfterSaleErrors.AFTER_SALE_OPEN();
    const refundable = await deps.payments.refundableFen(t, orderId);
    const amount = afterSaleAmount(lines, input.lines, input.type, refundable);
    if (!amount.ok) throw AfterSaleErrors[amount.code](amount.details, amount.message);
    if (amount.amountFen < 1) throw AfterSaleErrors.AFTER_SALE_NOTHING_REFUNDABLE();
    const row = await deps.models.AfterSale.create(
      {
        orderId,
        orderNo: order.orderNo,
        userId,
        type: input.type,
        status: 'requested',
        reason: input.reason,
        buyerNote: input.note || null,
        amountFen: amount.amountFen,
      },
      { transaction: t },
    );
    const afterSaleId = row.getDataValue('id');
    await deps.models.AfterSaleItem.bulkCreate(
      amount.lines.map((l) => ({ afterSaleId, ...l })),
      { transaction: t },
    );
    await deps.orders.beginRefund(t, orderId);
    return afterSaleId;
  });
  return afterSaleView(deps, (await deps.models.AfterSale.findByPk(id))!.get({ plain: true }));
}

/** Locks order then request (always in that order), checking the owner when a user asks. */
export async function lockAfterSale(deps: AfterSaleDeps, t: Transaction, id: number, userId?: number) {
  const peek = await deps.models.AfterSale.findByPk(id, { transaction: t });
  if (!peek || (userId !== undefined && peek.getDataValue('userId') !== userId))
    throw AfterSaleErrors.AFTER_SALE_NOT_FOUND();
  const order = await deps.orders.lockFacts(t, peek.getDataValue('orderId'));
  const row = await deps.models.AfterSale.findByPk(id, {
    transaction: t,
    lock: deps.db.rowLocks ? t.LOCK.UPDATE : undefined,
  });
  return { order, afterSale: row!.get({ plain: true }) };
}

export async function moveAfterSale(
  deps: AfterSaleDeps,
  t: Transaction,
  id: number,
  from: AfterSaleStatus[],
  to: AfterSaleStatus,
  patch: Partial<Omit<AfterSaleAttrs, 'status'>> = {},
): Promise<void> {
  const n = await moveStatus(t, deps.models.AfterSale, AFTER_SALE_LIFECYCLE, { id }, from, to, patch);
  if (n !== 1) throw AfterSaleErrors.AFTER_SALE_STATE_INVALID(undefined, '售后申请状态已变化，请刷新');
}

export async function cancelAfterSale(deps: AfterSaleDeps, userId: number, id: number) {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const { afterSale } = await lockAfterSale(deps, t, id, userId);
    if (afterSale.status === 'cancelled') return;
    if (afterSale.status !== 'requested' && afterSale.status !== 'awaiting_return')
      throw AfterSaleErrors.AFTER_SALE_STATE_INVALID({ status: afterSale.status }, '当前状态不能撤销');
    await moveAfterSale(deps, t, id, ['requested', 'awaiting_return'], 'cancelled');
    await deps.orders.endRefund(t, afterSale.orderId);
  });
  return afterSaleView(deps, (await deps.models.AfterSale.findByPk(id))!.get({ plain: true }));
}

export async function submitReturn(
  deps: AfterSaleDeps,
  userId: number,
  id: number,
  s: z.output<typeof ReturnShipment>,
) {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const { afterSale } = await lockAfterSale(deps, t, id, userId);
    if (afterSale.status !== 'awaiting_return')
      throw AfterSaleErrors.AFTER_SALE_STATE_INVALID({ status: afterSale.status }, '当前状态不需要寄回商品');
    await moveAfterSale(deps, t, id, ['awaiting_return'], 'returning', {
      returnCarrier: s.carrier,
      returnTrackingNo: s.trackingNo,
    });
  });
  return afterSaleView(deps, (await deps.models.AfterSale.findByPk(id))!.get({ plain: true }));
}

// The consumer's side: request an after-sale (one open request per order), cancel it, send the goods back.
import { Op, type Transaction } from 'sequelize';
import type { z } from 'zod';
import type { AfterSaleRequest, ReturnShipment } from '../../../contracts/after-sale';
import { conflict, invalid, notFound } from '../../../kernel/errors';
import { inTransaction } from '../../../platform/db/transaction';
import {
  afterSaleAmount,
  checkAfterSaleType,
  LIVE_STATUSES,
  OPEN_STATUSES,
  type AfterSaleStatus,
} from '../domain/rules';
import type { AfterSaleDeps } from './ports';
import { afterSaleView } from './view';

export async function requestAfterSale(
  deps: AfterSaleDeps,
  userId: number,
  orderId: number,
  input: z.output<typeof AfterSaleRequest>,
) {
  const id = await inTransaction(deps.sequelize, deps.db, async (t) => {
    const order = await deps.orders.lockOrder(orderId, userId, t);
    const type = checkAfterSaleType(input.type, order, deps.clock.now());
    if (!type.ok) throw conflict(type.code, type.message, { status: order.status });
    const live = await deps.models.AfterSale.findAll({
      where: { orderId, status: { [Op.in]: [...LIVE_STATUSES] } },
      transaction: t,
    });
    if (live.some((a) => OPEN_STATUSES.includes(a.getDataValue('status'))))
      throw conflict('AFTER_SALE_OPEN', '该订单已有进行中的售后申请');
    const held = live.length
      ? await deps.models.AfterSaleItem.findAll({
          where: { afterSaleId: live.map((a) => a.getDataValue('id')) },
          transaction: t,
        })
      : [];
    const lines = order.items.map((i) => ({
      orderItemId: i.id,
      unitPriceFen: i.unitPriceFen,
      quantity: i.quantity,
      requestedBefore: held
        .filter((h) => h.getDataValue('orderItemId') === i.id)
        .reduce((s, h) => s + h.getDataValue('quantity'), 0),
    }));
    const refundable = await deps.payments.refundableFen(orderId, t);
    const amount = afterSaleAmount(lines, input.lines, input.type, refundable);
    if (!amount.ok) throw invalid(amount.code, amount.message, amount.details);
    if (amount.amountFen < 1) throw conflict('AFTER_SALE_NOTHING_REFUNDABLE', '该订单已没有可退金额');
    const row = await deps.models.AfterSale.create(
      { orderId, userId, type: input.type, status: 'requested', reason: input.reason, amountFen: amount.amountFen },
      { transaction: t },
    );
    const afterSaleId = row.getDataValue('id');
    await deps.models.AfterSaleItem.bulkCreate(
      amount.lines.map((l) => ({ afterSaleId, ...l })),
      { transaction: t },
    );
    await deps.orders.beginRefund(orderId, t);
    return afterSaleId;
  });
  return afterSaleView(deps, (await deps.models.AfterSale.findByPk(id))!.get({ plain: true }));
}

/** Locks order then request (always in that order), checking the owner when a user asks. */
export async function lockAfterSale(deps: AfterSaleDeps, id: number, userId: number | undefined, t: Transaction) {
  const peek = await deps.models.AfterSale.findByPk(id, { transaction: t });
  if (!peek || (userId !== undefined && peek.getDataValue('userId') !== userId))
    throw notFound('售后申请', 'AFTER_SALE_NOT_FOUND');
  const order = await deps.orders.lockOrder(peek.getDataValue('orderId'), undefined, t);
  const row = await deps.models.AfterSale.findByPk(id, {
    transaction: t,
    lock: deps.db.rowLocks ? t.LOCK.UPDATE : undefined,
  });
  return { order, afterSale: row!.get({ plain: true }) };
}

export async function moveAfterSale(
  deps: AfterSaleDeps,
  id: number,
  from: AfterSaleStatus[],
  to: AfterSaleStatus,
  patch: Record<string, unknown>,
  t: Transaction,
): Promise<void> {
  const [n] = await deps.models.AfterSale.update(
    { ...patch, status: to },
    { where: { id, status: { [Op.in]: from } }, transaction: t },
  );
  if (n !== 1) throw conflict('AFTER_SALE_STATE_INVALID', '售后申请状态已变化，请刷新');
}

export async function cancelAfterSale(deps: AfterSaleDeps, userId: number, id: number) {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const { afterSale } = await lockAfterSale(deps, id, userId, t);
    if (afterSale.status === 'cancelled') return;
    if (afterSale.status !== 'requested' && afterSale.status !== 'awaiting_return')
      throw conflict('AFTER_SALE_STATE_INVALID', '当前状态不能撤销', { status: afterSale.status });
    await moveAfterSale(deps, id, ['requested', 'awaiting_return'], 'cancelled', {}, t);
    await deps.orders.endRefund(afterSale.orderId, t);
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
    const { afterSale } = await lockAfterSale(deps, id, userId, t);
    if (afterSale.status !== 'awaiting_return')
      throw conflict('AFTER_SALE_STATE_INVALID', '当前状态不需要寄回商品', { status: afterSale.status });
    await moveAfterSale(
      deps,
      id,
      ['awaiting_return'],
      'returning',
      { returnCarrier: s.carrier, returnTrackingNo: s.trackingNo },
      t,
    );
  });
  return afterSaleView(deps, (await deps.models.AfterSale.findByPk(id))!.get({ plain: true }));
}

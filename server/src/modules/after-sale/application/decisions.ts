// The operator's side: approve (refund now, or wait for the goods), receive the returned goods, reject, refund a
// whole unshipped order. Each decision is audited in its transaction; the refund is recorded with its outbox
// message in the same one; stock returns when goods were never shipped or have come back.
import type { Transaction } from 'sequelize';
import { statusLabel } from '../../../contracts/display';
import type { OperatorRef } from '../../../platform/audit/audit-log';
import { inTransaction } from '../../../platform/db/transaction';
import type { AfterSaleStatus } from '../domain/rules';
import { AfterSaleErrors } from '../errors';
import { OrderErrors } from '../../order';
import type { AfterSaleAttrs } from '../persistence/models';
import type { AfterSaleDeps, OrderFacts } from './ports';
import { lockAfterSale, moveAfterSale } from './requests';
import { AFTER_SALE_SETTINGS } from './settings';
import { afterSaleView } from './view';

async function refundAndRestock(deps: AfterSaleDeps, t: Transaction, a: AfterSaleAttrs, order: OrderFacts) {
  const { refundId } = await deps.payments.refundOrder(t, a.orderId, {
    amountFen: a.amountFen,
    reason: 'after_sale',
    note: `售后 #${a.id}: ${statusLabel('afterSaleReason', a.reason)}`.slice(0, 200),
  });
  const items = await deps.models.AfterSaleItem.findAll({ where: { afterSaleId: a.id }, transaction: t });
  // units of an unshipped order of a kind with its own stock (seckill) go back to that kind, on order.refunded
  if (order.ownStock && !order.shipped) return refundId;
  await deps.stock.releaseStock(
    t,
    items.map((i) => ({
      skuId: order.items.find((o) => o.id === i.getDataValue('orderItemId'))!.skuId,
      quantity: i.getDataValue('quantity'),
    })),
  );
  return refundId;
}

const view = async (deps: AfterSaleDeps, id: number) =>
  afterSaleView(deps, (await deps.models.AfterSale.findByPk(id))!.get({ plain: true }));

/** Moves the request and writes the operator's audit entry (before → after) in the same transaction. */
async function decide(
  deps: AfterSaleDeps,
  t: Transaction,
  by: OperatorRef,
  action: string,
  a: AfterSaleAttrs,
  to: AfterSaleStatus,
  patch: Partial<AfterSaleAttrs> = {},
) {
  await moveAfterSale(deps, t, a.id, [a.status], to, patch);
  await deps.audit.record(t, by, {
    action: `after_sale.${action}`,
    entity: 'after_sale',
    entityId: a.id,
    before: { status: a.status },
    after: { status: to, ...patch },
  });
}

export async function approveAfterSale(deps: AfterSaleDeps, by: OperatorRef, id: number) {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const { order, afterSale: a } = await lockAfterSale(deps, t, id);
    if (a.status !== 'requested')
      throw AfterSaleErrors.AFTER_SALE_STATE_INVALID({ status: a.status }, '只能审核待处理的申请');
    if (a.type === 'return_refund') {
      // the buyer is told where to send the goods: the address as it is now stays with this return
      const { returnAddress } = await deps.settingsStore.get(t, AFTER_SALE_SETTINGS);
      if (!returnAddress) throw AfterSaleErrors.RETURN_ADDRESS_MISSING();
      return decide(deps, t, by, 'approve', a, 'awaiting_return', {
        returnAddressJson: JSON.stringify(returnAddress),
      });
    }
    const refundId = await refundAndRestock(deps, t, a, order);
    await decide(deps, t, by, 'approve', a, 'refunding', { refundId });
  });
  return view(deps, id);
}

export async function receiveReturn(deps: AfterSaleDeps, by: OperatorRef, id: number) {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const { order, afterSale: a } = await lockAfterSale(deps, t, id);
    if (a.status !== 'returning')
      throw AfterSaleErrors.AFTER_SALE_STATE_INVALID({ status: a.status }, '买家尚未寄回商品');
    const refundId = await refundAndRestock(deps, t, a, order);
    await decide(deps, t, by, 'receive_return', a, 'refunding', { refundId });
  });
  return view(deps, id);
}

export async function rejectAfterSale(deps: AfterSaleDeps, by: OperatorRef, id: number, note: string) {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const { afterSale: a } = await lockAfterSale(deps, t, id);
    if (a.status !== 'requested' && a.status !== 'returning')
      throw AfterSaleErrors.AFTER_SALE_STATE_INVALID({ status: a.status }, '当前状态不能驳回');
    await decide(deps, t, by, 'reject', a, 'rejected', { operatorNote: note });
    await deps.orders.endRefund(t, a.orderId);
  });
  return view(deps, id);
}

/** Payment event: the request's refund reached the payer. */
export async function afterSaleRefundSettled(deps: AfterSaleDeps, t: Transaction, refundId: number) {
  const row = await deps.models.AfterSale.findOne({ where: { refundId, status: 'refunding' }, transaction: t });
  if (!row) return;
  const a = row.get({ plain: true });
  await moveAfterSale(deps, t, a.id, ['refunding'], 'refunded');
  const items = await deps.models.AfterSaleItem.findAll({ where: { afterSaleId: a.id }, transaction: t });
  await deps.events.publish(
    t,
    'after_sale.refunded',
    {
      afterSaleId: a.id,
      orderId: a.orderId,
      userId: a.userId,
      amountFen: a.amountFen,
      lines: items.map((i) => ({
        orderItemId: i.getDataValue('orderItemId'),
        quantity: i.getDataValue('quantity'),
        amountFen: i.getDataValue('amountFen'),
      })),
    },
    String(a.id),
  );
}

/** The operator refunds a whole order that has not shipped (awaiting a group, or to ship); its stock returns. */
export async function operatorRefund(deps: AfterSaleDeps, by: OperatorRef, orderId: number, note: string) {
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const order = await deps.orders.lockFacts(t, orderId);
    if (order.status !== 'awaiting_group' && order.status !== 'to_ship')
      throw OrderErrors.ORDER_STATE_INVALID(
        { status: order.status },
        '只有未发货的已付款订单可以由商家直接退款；已发货请走售后',
      );
    const { amountFen } = await deps.refundWholeOrder(t, orderId, note);
    if (!order.ownStock)
      await deps.stock.releaseStock(
        t,
        order.items.map((i) => ({ skuId: i.skuId, quantity: i.quantity })),
      );
    await deps.audit.record(t, by, {
      action: 'order.refund',
      entity: 'order',
      entityId: orderId,
      before: { status: order.status },
      after: { status: 'refunding', amountFen, note },
    });
    return { status: 'refunding' as const, amountFen };
  });
}

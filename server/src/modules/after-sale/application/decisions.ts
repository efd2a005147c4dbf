// The operator's side: approve (refund now, or wait for the goods), receive the returned goods, reject. The
// refund is recorded with its outbox message in the same transaction; stock returns when goods were never
// shipped or have come back.
import { conflict } from '../../../kernel/errors';
import { inTransaction } from '../../../platform/db/transaction';
import type { AfterSaleAttrs } from '../persistence/models';
import type { AfterSaleDeps, OrderFacts } from './ports';
import { lockAfterSale, moveAfterSale } from './requests';
import { afterSaleView } from './view';
import type { Transaction } from 'sequelize';

async function refundAndRestock(deps: AfterSaleDeps, a: AfterSaleAttrs, order: OrderFacts, t: Transaction) {
  const { refundId } = await deps.payments.refundOrder(t, a.orderId, {
    amountFen: a.amountFen,
    note: `售后 #${a.id}: ${a.reason}`.slice(0, 200),
  });
  const items = await deps.models.AfterSaleItem.findAll({ where: { afterSaleId: a.id }, transaction: t });
  await deps.orders.releaseStock(
    items.map((i) => ({
      skuId: order.items.find((o) => o.id === i.getDataValue('orderItemId'))!.skuId,
      quantity: i.getDataValue('quantity'),
    })),
    t,
  );
  return refundId;
}

const view = async (deps: AfterSaleDeps, id: number) =>
  afterSaleView(deps, (await deps.models.AfterSale.findByPk(id))!.get({ plain: true }));

export async function approveAfterSale(deps: AfterSaleDeps, id: number) {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const { order, afterSale: a } = await lockAfterSale(deps, id, undefined, t);
    if (a.status !== 'requested')
      throw conflict('AFTER_SALE_STATE_INVALID', '只能审核待处理的申请', { status: a.status });
    if (a.type === 'return_refund') return moveAfterSale(deps, id, ['requested'], 'awaiting_return', {}, t);
    const refundId = await refundAndRestock(deps, a, order, t);
    await moveAfterSale(deps, id, ['requested'], 'refunding', { refundId }, t);
  });
  return view(deps, id);
}

export async function receiveReturn(deps: AfterSaleDeps, id: number) {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const { order, afterSale: a } = await lockAfterSale(deps, id, undefined, t);
    if (a.status !== 'returning') throw conflict('AFTER_SALE_STATE_INVALID', '买家尚未寄回商品', { status: a.status });
    const refundId = await refundAndRestock(deps, a, order, t);
    await moveAfterSale(deps, id, ['returning'], 'refunding', { refundId }, t);
  });
  return view(deps, id);
}

export async function rejectAfterSale(deps: AfterSaleDeps, id: number, note: string) {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const { afterSale: a } = await lockAfterSale(deps, id, undefined, t);
    if (a.status !== 'requested' && a.status !== 'returning')
      throw conflict('AFTER_SALE_STATE_INVALID', '当前状态不能驳回', { status: a.status });
    await moveAfterSale(deps, id, ['requested', 'returning'], 'rejected', { operatorNote: note }, t);
    await deps.orders.endRefund(a.orderId, t);
  });
  return view(deps, id);
}

/** Payment listener: the request's refund reached the payer. */
export async function afterSaleRefundSettled(deps: AfterSaleDeps, refundId: number, t: Transaction) {
  await deps.models.AfterSale.update(
    { status: 'refunded' },
    { where: { refundId, status: 'refunding' }, transaction: t },
  );
}

/** The operator refunds a whole order that has not shipped (awaiting a group, or to ship); its stock returns. */
export async function operatorRefund(deps: AfterSaleDeps, orderId: number, note: string) {
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const order = await deps.orders.lockOrder(orderId, undefined, t);
    if (order.status !== 'awaiting_group' && order.status !== 'to_ship')
      throw conflict('ORDER_STATE_INVALID', '只有未发货的已付款订单可以由商家直接退款；已发货请走售后', {
        status: order.status,
      });
    const { amountFen } = await deps.payments.refundWhole(orderId, note, t);
    await deps.orders.releaseStock(
      order.items.map((i) => ({ skuId: i.skuId, quantity: i.quantity })),
      t,
    );
    return { status: 'refunding' as const, amountFen };
  });
}

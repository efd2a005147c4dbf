// Seckill purchases follow their orders through the order events, in the transaction that moved the order:
// paid → the units are sold; cancelled (unpaid after 5 minutes, or by the buyer) or refunded before shipping →
// the units and the user's quota come back. During the session they go back to Redis (after commit, once per
// attempt); once the session is settled they go back to the SKU's own stock.
import type { Transaction } from 'sequelize';
import { moveStatus } from '../../../platform/db/status-move';
import type { OrderEvents } from '../../order';
import { PURCHASE_LIFECYCLE, type PurchaseStatus } from '../domain/purchase-lifecycle';
import type { SeckillDeps } from './ports';
import { itemQuota, returnUnits, userQuota } from './writer';

async function purchaseOf(deps: SeckillDeps, t: Transaction, orderId: number) {
  const p = await deps.models.Purchase.findOne({ where: { orderId }, transaction: t });
  return p?.get({ plain: true });
}

export async function purchasePaid(deps: SeckillDeps, t: Transaction, e: OrderEvents['order.paid']) {
  await moveStatus(t, deps.models.Purchase, PURCHASE_LIFECYCLE, { orderId: e.orderId }, 'ordered', 'paid');
}

export const purchaseCancelled = (deps: SeckillDeps, t: Transaction, e: OrderEvents['order.cancelled']) =>
  giveUnitsBack(deps, t, e.orderId, 'ordered');

export async function purchaseRefunded(deps: SeckillDeps, t: Transaction, e: OrderEvents['order.refunded']) {
  // a refund after shipping does not bring the goods back to the shelf
  if (e.whole && !e.shipped) await giveUnitsBack(deps, t, e.orderId, 'paid');
}

async function giveUnitsBack(deps: SeckillDeps, t: Transaction, orderId: number, from: PurchaseStatus) {
  const p = await purchaseOf(deps, t, orderId);
  if (!p || p.status !== from) return;
  // the item's row lock orders this against the session's settlement (settle.ts)
  const item = await deps.models.Item.findByPk(p.itemId, {
    transaction: t,
    lock: deps.db.rowLocks ? t.LOCK.UPDATE : undefined,
  });
  const session = await deps.models.Session.findByPk(item!.getDataValue('sessionId'), { transaction: t });
  const moved = await moveStatus(t, deps.models.Purchase, PURCHASE_LIFECYCLE, { id: p.id }, from, 'returned');
  if (moved !== 1) return;
  await deps.quotas.release(t, itemQuota(p.itemId), p.quantity);
  await deps.quotas.release(t, userQuota(p.itemId, p.userId), p.quantity);
  if (session!.getDataValue('settledAt')) {
    // the session is over: the units go back to the SKU, as its unsold ones did
    await deps.catalog.releaseStock(t, [{ skuId: item!.getDataValue('skuId'), quantity: p.quantity }]);
    await item!.increment('returned', { by: p.quantity, transaction: t });
    return;
  }
  t.afterCommit(() =>
    returnUnits(deps, p.attemptId, p.userId, p.quantity).catch((err) =>
      // the purchase says returned; the reconcile job brings the counter in line
      deps.logger.warn({ err, attemptId: p.attemptId }, 'seckill units not returned to Redis'),
    ),
  );
}

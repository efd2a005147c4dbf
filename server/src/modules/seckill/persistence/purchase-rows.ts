// The order writer's own statements by hand: it runs one attempt after another, so each statement's cost is its
// throughput (the model layer cost more than the database did; platform/db/raw.ts has the figures).
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { runInsert, runUpdate } from '../../../platform/db/raw';
import { PURCHASE_LIFECYCLE, type PurchaseStatus } from '../domain/purchase-lifecycle';

export interface WrittenPurchase {
  status: string;
  userId: number;
  orderId: number | null;
  reason: string | null;
}

/** The purchase an attempt already became, if any (a replayed log entry). */
export async function purchaseOfAttempt(sequelize: Sequelize, attemptId: string): Promise<WrittenPurchase | null> {
  const rows = await sequelize.query<{
    status: string;
    user_id: number;
    order_id: number | null;
    reason: string | null;
  }>('SELECT status, user_id, order_id, reason FROM seckill_purchases WHERE attempt_id = ? LIMIT 1', {
    replacements: [attemptId],
    type: QueryTypes.SELECT,
  });
  const r = rows[0];
  return r ? { status: r.status, userId: Number(r.user_id), orderId: r.order_id, reason: r.reason } : null;
}

/** A new purchase in one of the lifecycle's initial states; its id (unique attempt id: a replay fails here). */
export async function insertPurchase(
  sequelize: Sequelize,
  t: Transaction,
  p: { attemptId: string; itemId: number; userId: number; quantity: number; status: PurchaseStatus; reason?: string },
): Promise<number> {
  if (!PURCHASE_LIFECYCLE.initial.includes(p.status))
    throw new Error(
      `${PURCHASE_LIFECYCLE.name} created in ${p.status}; it starts in ${PURCHASE_LIFECYCLE.initial.join('|')}`,
    );
  const now = new Date();
  return runInsert(
    sequelize,
    t,
    `INSERT INTO seckill_purchases (attempt_id, item_id, user_id, quantity, status, reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [p.attemptId, p.itemId, p.userId, p.quantity, p.status, p.reason ?? null, now, now],
  );
}

export async function setPurchaseOrder(sequelize: Sequelize, t: Transaction, id: number, orderId: number) {
  await runUpdate(sequelize, t, 'UPDATE seckill_purchases SET order_id = ?, updated_at = ? WHERE id = ?', [
    orderId,
    new Date(),
    id,
  ]);
}

// The seckill order writer replayed (captured/seckill-writer.sql, 17 statements for one attempt): the purchase
// looked up by attempt id, the address, then one transaction with the two database quotas (item units, the
// user's units), the purchase row, the order (own stock: no SKU update, 5 minutes to pay) and the purchase's
// order id. The item read that opens the capture is once per batch of 50 in the writer, so it is left out here.
// Its quotas have keys of their own, so the replay never competes with the server's counters.
import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import { placeOrderIn, readAddress } from './order-statements';
import { expectOneRow, type Replay, type ReplayData, type ReplayRequest } from './types';

async function takeQuota(conn: PoolConnection, key: string, limit: number, now: Date) {
  await conn.query(
    'INSERT INTO quota_counters (quota_key, used, updated_at) VALUES (?, 0, ?) ON DUPLICATE KEY UPDATE updated_at = VALUES(updated_at);',
    [key, now],
  );
  const [res] = await conn.query(
    'UPDATE quota_counters SET used = used + ?, updated_at = ? WHERE quota_key = ? AND used <= ?;',
    [1, now, key, limit - 1],
  );
  expectOneRow(res, `quota ${key}`);
}

async function writeAttempt(conn: PoolConnection, req: ReplayRequest, data: ReplayData) {
  const { sessionId, itemId, skuId, priceFen } = data.seckill;
  const attemptId = `${sessionId}-${itemId}-r${req.unique.replace(/\D/g, '').slice(-10)}-${req.n}`;
  await conn.query<RowDataPacket[]>(
    'SELECT status, user_id, order_id, reason FROM seckill_purchases WHERE attempt_id = ? LIMIT 1;',
    [attemptId],
  );
  const address = await readAddress(conn, req);
  await conn.query('START TRANSACTION;');
  const now = new Date();
  await takeQuota(conn, `seckill-replay:${itemId}:units`, 100_000_000, now);
  await takeQuota(conn, `seckill-replay:${itemId}:user:${req.buyer.userId}`, 99, now);
  const [purchase] = await conn.query(
    'INSERT INTO seckill_purchases (attempt_id, item_id, user_id, quantity, status, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?);',
    [attemptId, itemId, req.buyer.userId, 1, 'ordered', null, now, now],
  );
  const view = await placeOrderIn(conn, req, address, [{ skuId, quantity: 1 }], {
    kind: 'seckill',
    unitPriceFen: priceFen,
    campaignJson: JSON.stringify({ kind: 'seckill', campaignId: itemId, stacking: 'exclusive' }),
    shippingFen: 800,
    payMinutes: 5,
    ownStock: true,
  });
  await conn.query('UPDATE seckill_purchases SET order_id = ?, updated_at = ? WHERE id = ?;', [
    view.id,
    now,
    (purchase as { insertId: number }).insertId,
  ]);
  await conn.query('COMMIT;');
}

export const seckillWriter: Replay = { name: 'seckill-writer', run: writeAttempt };

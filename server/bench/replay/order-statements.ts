// The statements of order placement (order/application/place-order.ts `placeOrderIn` and what it calls), as
// captured in bench/replay/captured/order-*.sql: the address read before the transaction, the Idempotency-Key
// row, one read of the SKU snapshots, the order, its lines in one INSERT and their ids read back, the cart
// clean-up (two statements for all lines), the stock taken by one conditional UPDATE (after a savepoint when
// there are several lines), the stored response, COMMIT. "Query" lines go as text, "Execute" ones prepared,
// as the server's driver sent them.
import { createHash } from 'node:crypto';
import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import type { ReplayRequest } from './types';

/** `skuSnapshots` (catalog/application/stock.ts): also the group view's read of the campaign's SKUs */
export async function skuSnapshots(conn: PoolConnection, skuIds: number[]) {
  const [rows] = await conn.query<RowDataPacket[]>(
    `SELECT s.id AS sku_id, s.product_id, p.title, s.specs_json, s.image AS sku_image, s.price_fen, s.stock, p.on_shelf, s.disabled_at, (SELECT i.url FROM product_images i WHERE i.product_id = p.id ORDER BY i.sort, i.id LIMIT 1) AS main_image FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id IN (?);`,
    [skuIds],
  );
  return rows;
}

/** `reserveStock`: every line in one conditional UPDATE; all lines' rows must change. */
async function reserveStock(conn: PoolConnection, lines: OrderLine[]) {
  const sorted = [...lines].sort((a, b) => a.skuId - b.skuId);
  if (sorted.length > 1) await conn.query('SAVEPOINT reserve_stock;');
  const cases = `CASE id ${sorted.map((l) => `WHEN ${l.skuId} THEN ${l.quantity}`).join(' ')} END`;
  const [res] = await conn.query(
    `UPDATE skus SET stock = stock - ${cases} WHERE id IN (${sorted.map((l) => l.skuId).join(', ')}) AND stock >= ${cases};`,
  );
  const affected = (res as { affectedRows?: number }).affectedRows;
  if (affected !== sorted.length) throw new Error(`stock: ${affected} of ${sorted.length} SKUs reserved`);
}

export async function readAddress(conn: PoolConnection, req: ReplayRequest) {
  const [rows] = await conn.query<RowDataPacket[]>(
    'SELECT `id`, `user_id` AS `userId`, `name`, `phone`, `province`, `city`, `district`, `detail`, `is_default` AS `isDefault`, `created_at` AS `createdAt`, `updated_at` AS `updatedAt` FROM `addresses` AS `Address` WHERE `Address`.`id` = ? AND `Address`.`user_id` = ?;',
    [req.buyer.addressId, req.buyer.userId],
  );
  const { id: _id, isDefault: _d, userId: _u, createdAt: _c, updatedAt: _up, ...snapshot } = rows[0]!;
  return snapshot;
}

export interface KeyRow {
  userId: number;
  scope: string;
  key: string;
}

/** START TRANSACTION and the key's pending row (the response UPDATE finds it by user, scope and key). */
export async function beginWithKey(
  conn: PoolConnection,
  req: ReplayRequest,
  scope: string,
  body: unknown,
): Promise<KeyRow> {
  await conn.query('START TRANSACTION;');
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const key = `replay-${req.unique}`;
  await conn.query(
    'INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash, status, created_at) VALUES (?, ?, ?, ?, ?, ?);',
    [req.buyer.userId, scope, key, hash, 'pending', new Date()],
  );
  return { userId: req.buyer.userId, scope, key };
}

export async function finishWithKey(conn: PoolConnection, row: KeyRow, response: unknown) {
  await conn.query(
    "UPDATE idempotency_keys SET status = 'done', response_status = 200, response_json = ? WHERE user_id = ? AND scope = ? AND idem_key = ?;",
    [JSON.stringify(response), row.userId, row.scope, row.key],
  );
  await conn.query('COMMIT;');
}

export interface OrderLine {
  skuId: number;
  quantity: number;
}

/** `placeOrderIn`: price, reserve, insert the order and its lines, clear the cart lines; returns the order view. */
export async function placeOrderIn(
  conn: PoolConnection,
  req: ReplayRequest,
  address: Record<string, unknown>,
  lines: OrderLine[],
  opts: {
    kind: string;
    unitPriceFen?: number;
    campaignJson?: string;
    shippingFen: number;
    /** minutes to pay (30; seckill 5) */
    payMinutes?: number;
    /** kinds with their own stock (seckill) take none from the SKU */
    ownStock?: boolean;
  },
) {
  const snapshots = await skuSnapshots(
    conn,
    lines.map((l) => l.skuId),
  );
  const skuById = new Map(snapshots.map((s) => [Number(s.sku_id), s]));
  const now = new Date();
  const items = lines.map((l) => {
    const sku = skuById.get(l.skuId)!;
    const unitPriceFen = opts.unitPriceFen ?? Number(sku.price_fen);
    return {
      skuId: l.skuId,
      productId: Number(sku.product_id),
      title: String(sku.title),
      specs: JSON.parse(String(sku.specs_json)) as Record<string, string>,
      image: (sku.sku_image as string | null) ?? (sku.main_image as string | null) ?? null,
      unitPriceFen,
      quantity: l.quantity,
      lineTotalFen: unitPriceFen * l.quantity,
    };
  });
  const itemsTotal = items.reduce((n, i) => n + i.lineTotalFen, 0);
  const orderNo = `${Date.now()}${req.unique.replace(/\D/g, '')}`.slice(0, 32);
  const [orderRes] = await conn.query(
    'INSERT INTO orders (order_no, user_id, kind, status, items_total_fen, discount_fen, shipping_fen, payable_fen, address_json, remark, pay_deadline, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);',
    [
      orderNo,
      req.buyer.userId,
      opts.kind,
      'pending_payment',
      itemsTotal,
      0,
      opts.shippingFen,
      itemsTotal + opts.shippingFen,
      JSON.stringify(address),
      '',
      new Date(now.getTime() + (opts.payMinutes ?? 30) * 60_000),
      now,
      now,
    ],
  );
  const orderId = (orderRes as { insertId: number }).insertId;
  await conn.query(
    'INSERT INTO order_items (order_id, product_id, sku_id, title, specs_json, image, unit_price_fen, quantity, line_total_fen, campaign_json, created_at) VALUES ?;',
    [
      items.map((i) => [
        orderId,
        i.productId,
        i.skuId,
        i.title,
        JSON.stringify(i.specs),
        i.image,
        i.unitPriceFen,
        i.quantity,
        i.lineTotalFen,
        opts.campaignJson ?? null,
        now,
      ]),
    ],
  );
  const [ids] = await conn.query<RowDataPacket[]>('SELECT id FROM order_items WHERE order_id = ? ORDER BY id;', [
    orderId,
  ]);
  // the ordered units leave the cart: lines covered whole go, the rest shrink (two statements for all lines)
  const cartCases = `CASE sku_id ${lines.map((l) => `WHEN ${l.skuId} THEN ${l.quantity}`).join(' ')} END`;
  const cartSkus = lines.map((l) => l.skuId).join(', ');
  await conn.query(
    `DELETE FROM cart_items WHERE user_id = ? AND sku_id IN (${cartSkus}) AND quantity <= ${cartCases};`,
    [req.buyer.userId],
  );
  await conn.query(
    `UPDATE cart_items SET quantity = quantity - ${cartCases}, updated_at = ? WHERE user_id = ? AND sku_id IN (${cartSkus}) AND quantity > ${cartCases};`,
    [now, req.buyer.userId],
  );
  // the stock last, as the server takes it (the hot row stays locked until COMMIT)
  if (!opts.ownStock) await reserveStock(conn, lines);
  return {
    id: orderId,
    orderNo,
    status: 'pending_payment',
    itemsTotalFen: itemsTotal,
    discountFen: 0,
    shippingFen: opts.shippingFen,
    payableFen: itemsTotal + opts.shippingFen,
    paidFen: 0,
    items: items.map((i, k) => ({ id: Number(ids[k]!.id), ...i })),
    address,
    remark: '',
    payDeadline: new Date(now.getTime() + (opts.payMinutes ?? 30) * 60_000).toISOString(),
    createdAt: now.toISOString(),
    carrier: null,
    trackingNo: null,
  };
}

// POST /api/v1/orders replayed: 20 SKUs (captured/order-20-skus.sql, 13 statements) and one hot SKU
// (captured/order-hot-sku.sql, 12 statements).
import { beginWithKey, finishWithKey, placeOrderIn, readAddress, type OrderLine } from './order-statements';
import type { Replay, ReplayData, ReplayRequest } from './types';
import type { PoolConnection } from 'mysql2/promise';

async function order(conn: PoolConnection, req: ReplayRequest, lines: OrderLine[]) {
  const address = await readAddress(conn, req);
  const keyRow = await beginWithKey(conn, req, 'orders.create', { items: lines, addressId: req.buyer.addressId });
  const view = await placeOrderIn(conn, req, address, lines, { kind: 'normal', shippingFen: 0 });
  await finishWithKey(conn, keyRow, view);
}

export const orderTwentySkus: Replay = {
  name: 'order-20-skus',
  run: (conn, req, data: ReplayData) =>
    order(
      conn,
      req,
      data.wide[req.n % data.wide.length]!.skuIds.map((skuId) => ({ skuId, quantity: 1 })),
    ),
};

export const orderHotSku: Replay = {
  name: 'order-hot-sku',
  run: (conn, req, data) => order(conn, req, [{ skuId: data.hot.skuId, quantity: 1 }]),
};

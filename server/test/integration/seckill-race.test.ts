// Seckill under races, on MariaDB + Redis (domain-rules.md, Seckill: never oversell, never a user over the limit,
// never a unit lost): 200 users × 3 attempts on 50 units, units returned by cancel and by refund sold again
// exactly, and Redis losing its keys mid-session rebuilt from the database before any attempt is taken.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyers, grab, keysOf, redisOf, redisRemaining, seckillItem, settledFigures } from '../support/seckill';
import { payAndSettle, waitFor } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const ordersOf = (itemId: number) =>
  t.models.seckill.Purchase.findAll({ where: { itemId, status: ['ordered', 'paid'] } }).then((rows) =>
    rows.map((r) => r.get({ plain: true })),
  );

async function attemptOrder(b: { token: string }, attemptId: string) {
  const r = await waitFor(
    () => t.api('GET', `/api/v1/seckill/attempts/${attemptId}`, { token: b.token }),
    (res) => res.body.status !== 'queued',
  );
  return r.body as { status: string; orderId?: number; reason?: string };
}

it('200 users × 3 attempts for 50 units, limit 1 → exactly 50 orders, nobody over the limit, Redis and database agree', async () => {
  const item = await seckillItem(t, admin, { stock: 50, perUserLimit: 1, skuStock: 80 });
  const users = await buyers(t, 'storm', 200);
  const answers = await Promise.all(users.flatMap((u) => [0, 1, 2].map(() => grab(t, u, item.itemId))));
  const accepted = answers.filter((a) => a.status === 202);
  expect(accepted).toHaveLength(50);
  const refused = answers.filter((a) => a.status === 409).map((a) => a.body.error.code);
  expect(refused).toHaveLength(550);
  expect(new Set(refused)).toEqual(new Set(['SOLD_OUT', 'LIMIT_REACHED']));

  const f = await settledFigures(t, admin, item.itemId);
  expect(f).toMatchObject({ stock: 50, sold: 0, reserved: 50, remaining: 0 });
  const purchases = await ordersOf(item.itemId);
  expect(purchases).toHaveLength(50);
  const perUser = new Map<number, number>();
  for (const p of purchases) perUser.set(p.userId, (perUser.get(p.userId) ?? 0) + p.quantity);
  expect(Math.max(...perUser.values())).toBe(1);
  const orders = await t.models.order.Order.findAll({
    where: { kind: 'seckill', id: purchases.map((p) => p.orderId!) },
  });
  expect(orders).toHaveLength(50);
  expect(orders.every((o) => o.getDataValue('payableFen') === 990 + 800)).toBe(true); // the seckill price + shipping
  expect(await redisRemaining(t, item.itemId)).toBe(0);
  expect(await redisOf(t).hlen(keysOf(item.itemId).users)).toBe(50);
  // the SKU gave 50 of its 80 units to the item, and the item's orders took none of the remaining 30
  expect((await t.models.catalog.Sku.findByPk(item.skuId))!.getDataValue('stock')).toBe(30);

  // each accepted attempt tells its own buyer its order, and nobody else
  const first = users.find((u) => u.userId === purchases[0]!.userId)!;
  const attemptId = purchases[0]!.attemptId;
  expect(await attemptOrder(first, attemptId)).toMatchObject({ status: 'ordered', orderId: purchases[0]!.orderId });
  const stranger = users.find((u) => !perUser.has(u.userId))!;
  expect((await t.api('GET', `/api/v1/seckill/attempts/${attemptId}`, { token: stranger.token })).status).toBe(404);
});

it('units of cancelled orders and of a refund before shipping are sold again exactly, to the next buyers', async () => {
  const item = await seckillItem(t, admin, { stock: 6, perUserLimit: 1 });
  const users = await buyers(t, 'back', 6);
  expect((await Promise.all(users.map((u) => grab(t, u, item.itemId)))).every((a) => a.status === 202)).toBe(true);
  await settledFigures(t, admin, item.itemId);
  const purchases = await ordersOf(item.itemId);
  const owner = (p: (typeof purchases)[number]) => users.find((u) => u.userId === p.userId)!;
  // sold out: this instance answers without Redis now
  const late = await buyers(t, 'late', 12);
  expect((await grab(t, late[0]!, item.itemId)).body.error.code).toBe('SOLD_OUT');

  // two buyers cancel; one pays and the operator refunds the unshipped order
  for (const p of purchases.slice(0, 2)) {
    const res = await t.api('POST', `/api/v1/orders/${p.orderId}/cancel`, { token: owner(p).token, body: {} });
    expect(res.status).toBe(200);
  }
  const paid = purchases[2]!;
  await payAndSettle(t, owner(paid).token, paid.orderId!);
  const refund = await t.api('POST', `/api/admin/v1/orders/${paid.orderId}/refund`, {
    token: admin,
    body: { note: '缺货' },
  });
  expect(refund.status).toBe(200);
  await waitFor(
    () => redisRemaining(t, item.itemId),
    (r) => r === 3,
  );
  expect(await redisRemaining(t, item.itemId)).toBe(3);
  // 12 new buyers race for the 3 units that came back: exactly 3 get them
  const again = await Promise.all(late.map((u) => grab(t, u, item.itemId)));
  expect(again.filter((a) => a.status === 202)).toHaveLength(3);
  const f = await settledFigures(t, admin, item.itemId);
  expect(f).toMatchObject({ stock: 6, remaining: 0, reserved: 6, sold: 0 });
  expect(await redisRemaining(t, item.itemId)).toBe(0);
  // the units never touched the SKU's own stock (moved out once, when the item was created)
  expect((await t.models.catalog.Sku.findByPk(item.skuId))!.getDataValue('stock')).toBe(100);
  // and a buyer whose order was cancelled may grab again (their quota came back)
  expect((await grab(t, owner(purchases[0]!), item.itemId)).body.error.code).toBe('SOLD_OUT');
});

it('an unpaid order cancels after 5 minutes of business time and its unit and quota come back', async () => {
  const item = await seckillItem(t, admin, { stock: 1, perUserLimit: 1 });
  const [u, v] = await buyers(t, 'slow', 2);
  const a = await grab(t, u!, item.itemId);
  expect(a.status).toBe(202);
  const o = await attemptOrder(u!, a.body.attemptId);
  expect(o.status).toBe('ordered');
  const order = await t.models.order.Order.findByPk(o.orderId!);
  const window = order!.getDataValue('payDeadline')!.getTime() - order!.getDataValue('createdAt').getTime();
  expect(window).toBe(5 * 60_000);
  await t.api('POST', '/sandbox/clock', { body: { advanceMs: 5 * 60_000 + 1000 } });
  expect((await t.api('POST', '/sandbox/jobs/cancel-unpaid-orders/run')).status).toBe(200);
  await waitFor(
    () => redisRemaining(t, item.itemId),
    (r) => r === 1,
  );
  expect((await t.models.order.Order.findByPk(o.orderId!))!.getDataValue('status')).toBe('cancelled');
  // the unit is back, and the first buyer's quota with it: either may grab it now
  expect((await grab(t, v!, item.itemId)).status).toBe(202);
  expect((await grab(t, u!, item.itemId)).body.error.code).toBe('SOLD_OUT');
});

it('Redis losing the keys mid-session: the next attempt rebuilds them from the database, and nothing oversells', async () => {
  const item = await seckillItem(t, admin, { stock: 20, perUserLimit: 2 });
  const users = await buyers(t, 'flush', 30);
  const firstWave = await Promise.all(users.slice(0, 10).map((u) => grab(t, u, item.itemId)));
  expect(firstWave.filter((a) => a.status === 202)).toHaveLength(10);
  await settledFigures(t, admin, item.itemId);
  // a Redis restart without persistence: every key of this server is gone
  const r = redisOf(t);
  const prefix = t.rt.config.redisPrefix;
  const all = await r.keys('*'); // ioredis prefixes the pattern, but answers the full names
  await Promise.all(all.map((k) => r.del(k.slice(prefix.length))));
  expect(await redisRemaining(t, item.itemId)).toBeNull();
  // the first ten already hold one each (limit 2); everyone races again, twice
  const second = await Promise.all(users.flatMap((u) => [grab(t, u, item.itemId), grab(t, u, item.itemId)]));
  expect(second.filter((a) => a.status === 202)).toHaveLength(10);
  const f = await settledFigures(t, admin, item.itemId);
  expect(f).toMatchObject({ stock: 20, reserved: 20, remaining: 0 });
  const perUser = new Map<number, number>();
  for (const p of await ordersOf(item.itemId)) perUser.set(p.userId, (perUser.get(p.userId) ?? 0) + p.quantity);
  expect(Math.max(...perUser.values())).toBeLessThanOrEqual(2);
  expect(await redisRemaining(t, item.itemId)).toBe(0);
});

it("an address that is not the buyer's fails in the writer and its unit is sold again; the 21st attempt in 10 s is refused", async () => {
  const item = await seckillItem(t, admin, { stock: 1, perUserLimit: 99 });
  const [thief, owner, next] = await buyers(t, 'addr', 3);
  // someone else's address: accepted by the script (no SQL on the hot path), refused by the writer
  const bad = await grab(t, { token: thief!.token, addressId: owner!.addressId }, item.itemId);
  expect(bad.status).toBe(202);
  expect(await attemptOrder(thief!, bad.body.attemptId)).toEqual({
    attemptId: bad.body.attemptId,
    status: 'failed',
    reason: 'ADDRESS_NOT_FOUND',
  });
  await waitFor(
    () => redisRemaining(t, item.itemId),
    (r) => r === 1,
  );
  expect(await t.models.order.Order.count({ where: { userId: thief!.userId } })).toBe(0);
  const good = await grab(t, next!, item.itemId);
  expect(good.status).toBe(202);
  expect((await attemptOrder(next!, good.body.attemptId)).status).toBe('ordered');

  // the rate limit lives in the attempt script: 20 attempts per 10 s per user and item, then 429 with Retry-After
  const plenty = await seckillItem(t, admin, { stock: 100, perUserLimit: 99 });
  const spam = await Promise.all(Array.from({ length: 22 }, () => grab(t, owner!, plenty.itemId)));
  expect(spam.filter((a) => a.status === 202)).toHaveLength(20);
  const limited = spam.filter((a) => a.status === 429);
  expect(limited).toHaveLength(2);
  expect(limited[0]!.body.error.code).toBe('RATE_LIMITED');
  expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
});

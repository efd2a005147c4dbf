// The console's view of a session's items: the database figures beside Redis's live counter, operators only.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyers, grab, redisOf, keysOf, seckillItem, settledFigures } from '../support/seckill';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

it("lists a session's items with sold, reserved and remaining from the database and Redis's live remaining", async () => {
  const item = await seckillItem(t, admin, { stock: 5, perUserLimit: 2 });
  const users = await buyers(t, 'console', 2);
  expect((await grab(t, users[0]!, item.itemId, 2)).status).toBe(202);
  expect((await grab(t, users[1]!, item.itemId, 1)).status).toBe(202);
  await settledFigures(t, admin, item.itemId);

  const res = await t.api('GET', `/api/admin/v1/seckill/sessions/${item.sessionId}/items`, { token: admin });
  expect(res.status).toBe(200);
  expect(res.body.items).toEqual([
    expect.objectContaining({
      id: item.itemId,
      productId: item.productId,
      stock: 5,
      sold: 0,
      reserved: 3,
      remaining: 2,
      liveRemaining: 2,
      returned: 0,
    }),
  ]);
  expect(res.body.items[0].title).toEqual(expect.any(String));

  // Redis loses the item's keys (a restart without persistence): the console shows it as not warm, not as 0
  const k = keysOf(item.itemId);
  await redisOf(t).del(k.meta, k.stock, k.users);
  const cold = await t.api('GET', `/api/admin/v1/seckill/sessions/${item.sessionId}/items`, { token: admin });
  expect(cold.body.items[0]).toMatchObject({ remaining: 2, liveRemaining: null });
});

it('answers 404 for an unknown session and refuses shoppers and visitors', async () => {
  const missing = await t.api('GET', '/api/admin/v1/seckill/sessions/999999/items', { token: admin });
  expect(missing.status).toBe(404);
  expect(missing.body.error.code).toBe('SESSION_NOT_FOUND');
  const [shopper] = await buyers(t, 'nosy', 1);
  const item = await seckillItem(t, admin, { stock: 1 });
  const path = `/api/admin/v1/seckill/sessions/${item.sessionId}/items`;
  expect((await t.api('GET', path, { token: shopper!.token })).status).toBe(401);
  expect((await t.api('GET', path)).status).toBe(401);
});

// Seckill on the embedded default (SQLite + the in-process Redis stand-in): the same Lua scripts and the same
// list log run there, so a fresh `npm start` sells a seckill item exactly as production does.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyers, grab, redisRemaining, seckillItem, settledFigures } from '../support/seckill';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer({ mode: 'embedded' });
  admin = await adminLogin(t);
});
afterAll(() => t.close());

it('sells 5 units to the first 5 of 12 racing buyers, writes their orders, and agrees with the database', async () => {
  const item = await seckillItem(t, admin, { stock: 5, perUserLimit: 1 });
  const users = await buyers(t, 'embedded', 12, 1); // SQLite: one sign-up at a time
  const answers = await Promise.all(users.map((u) => grab(t, u, item.itemId)));
  expect(answers.filter((a) => a.status === 202)).toHaveLength(5);
  expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'SOLD_OUT')).toBe(true);
  expect(await settledFigures(t, admin, item.itemId)).toMatchObject({ stock: 5, reserved: 5, remaining: 0 });
  expect(await redisRemaining(t, item.itemId)).toBe(0);
  expect(await t.models.order.Order.count({ where: { kind: 'seckill' } })).toBe(5);
  const report = await t.api('GET', `/api/admin/v1/seckill/items/${item.itemId}/reconciliation`, { token: admin });
  expect(report.body).toMatchObject({ drift: 0, expectedRemaining: 0, redisRemaining: 0, queued: 0 });
});

// Two server instances on one database and one Redis (domain-rules.md, Seckill: "never counts diverging across
// instances"): attempts spread over both sell exactly the stock, each instance's sold-out flag answers without
// Redis, and units coming back through a cancel on one instance reopen the sale on the other (pub/sub).
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { TEST_REDIS_URL } from '../support/services';
import { buyers, grab, redisRemaining, seckillItem, settledFigures } from '../support/seckill';
import { waitFor } from '../support/shop';

let one: TestServer;
let two: TestServer;
let admin: string;
// one secret for both, as instances behind one load balancer share it: a session from one is valid on the other
const JWT_SECRET = 'seckill-two-instances-shared-secret-0123456789';
beforeAll(async () => {
  one = await startTestServer({ env: { JWT_SECRET } });
  two = await startTestServer({
    env: {
      JWT_SECRET,
      MYSQL_URL: one.rt.config.mysqlUrl!,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: one.rt.config.redisPrefix,
    },
  });
  admin = await adminLogin(one);
});
afterAll(async () => {
  await two?.close();
  await one?.close();
});

it('attempts spread over two instances sell exactly the stock; a cancel on one reopens the sale on the other', async () => {
  const item = await seckillItem(one, admin, { stock: 40, perUserLimit: 1 });
  const users = await buyers(one, 'twin', 60);
  const answers = await Promise.all(users.map((u, i) => grab(i % 2 ? two : one, u, item.itemId)));
  expect(answers.filter((a) => a.status === 202)).toHaveLength(40);
  expect(answers.filter((a) => a.status !== 202).map((a) => a.body.error.code)).toEqual(Array(20).fill('SOLD_OUT'));
  // more units than either instance's 30 buyers: both sold some
  expect(answers.filter((a, i) => a.status === 202 && i % 2 === 1).length).toBeGreaterThan(0);
  expect(answers.filter((a, i) => a.status === 202 && i % 2 === 0).length).toBeGreaterThan(0);
  const f = await settledFigures(one, admin, item.itemId);
  expect(f).toMatchObject({ stock: 40, reserved: 40, remaining: 0 });
  expect(await one.models.seckill.Purchase.count({ where: { itemId: item.itemId, status: 'ordered' } })).toBe(40);
  expect(await redisRemaining(one, item.itemId)).toBe(0);
  // both instances now know it is gone
  for (const t of [one, two]) expect((await grab(t, users[59]!, item.itemId)).body.error.code).toBe('SOLD_OUT');
  // the flag answers before anything else, in the one envelope: even a request without a session learns only what
  // the public item list says
  const early = await two.api('POST', `/api/v1/seckill/items/${item.itemId}/attempts`, { body: { quantity: 1 } });
  expect([early.status, early.body]).toEqual([409, { error: { code: 'SOLD_OUT', message: '已抢光' } }]);

  // a buyer cancels through instance one; instance two's flag drops and it sells the unit again
  const p = (await one.models.seckill.Purchase.findOne({ where: { itemId: item.itemId, status: 'ordered' } }))!;
  const owner = users.find((u) => u.userId === p.getDataValue('userId'))!;
  const cancel = await one.api('POST', `/api/v1/orders/${p.getDataValue('orderId')}/cancel`, {
    token: owner.token,
    body: {},
  });
  expect(cancel.status).toBe(200);
  await waitFor(
    () => redisRemaining(one, item.itemId),
    (r) => r === 1,
  );
  const losers = users.filter((u) => !answers[users.indexOf(u)]!.body.attemptId);
  const again = await waitFor(
    () => grab(two, losers[0]!, item.itemId),
    (a) => a.status === 202,
  );
  expect(again.status).toBe(202);
  expect(await settledFigures(one, admin, item.itemId)).toMatchObject({ reserved: 40, remaining: 0 });
});

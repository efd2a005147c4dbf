// Stopping the server while the order writer has a backlog (a deploy during a seckill): the writer ends after the
// batch it is writing instead of draining thousands first, the rest stays in the log, and the next start writes
// it — every queued attempt becomes exactly one order.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyers, grab, keysOf, redisOf, seckillItem, settledFigures } from '../support/seckill';
import { waitFor } from '../support/shop';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

it('a stop mid-backlog ends after the current batch; the next start writes the rest', async () => {
  const admin = await adminLogin(t);
  const item = await seckillItem(t, admin, { stock: 500, perUserLimit: 99 });
  const users = await buyers(t, 'stop', 30);
  expect((await grab(t, users[0]!, item.itemId)).status).toBe(202); // warm
  await settledFigures(t, admin, item.itemId);
  const r = redisOf(t);
  const log = keysOf(item.itemId).log;
  // hold the writer's lease while 300 attempts queue (10 per buyer, inside the 20-per-10-s rate)
  await r.set('seckill:writer', 'test', 'PX', 60_000);
  for (let round = 0; round < 10; round++) {
    const answers = await Promise.all(users.map((u) => grab(t, u, item.itemId)));
    expect(answers.every((a) => a.status === 202)).toBe(true);
  }
  expect(await r.llen(log)).toBe(300);
  await r.del('seckill:writer');
  await waitFor(
    () => r.llen(log),
    (n) => n < 300,
  );
  const stopped = Date.now();
  await t.rt.workers.stop();
  const left = await r.llen(log);
  // it stopped after its batch of 50, long before the 300 were written
  expect(left).toBeGreaterThan(100);
  expect(Date.now() - stopped).toBeLessThan(5_000);
  await new Promise((res) => setTimeout(res, 700)); // no poll writes anything while stopped
  expect(await r.llen(log)).toBe(left);

  await t.rt.workers.start();
  // the rest of the log is written (a loaded CI machine writes a few dozen a second: wait for it, not for a time)
  expect(
    await waitFor(
      () => r.llen(log),
      (n) => n === 0,
      120_000,
    ),
  ).toBe(0);
  const f = await settledFigures(t, admin, item.itemId);
  expect(f).toMatchObject({ stock: 500, reserved: 301, remaining: 199 });
  expect(await t.models.seckill.Purchase.count({ where: { itemId: item.itemId, status: 'ordered' } })).toBe(301);
  expect(await t.models.order.Order.count({ where: { kind: 'seckill' } })).toBe(301);
}, 180_000);

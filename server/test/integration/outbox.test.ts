// The transactional outbox on MariaDB: messages exist only if their transaction commits, failures are retried,
// two workers never run one message twice, and a crashed worker's claim expires and is taken over.
import { inTransaction } from '../../src/platform/db/transaction';
import { Outbox } from '../../src/platform/outbox/outbox';
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyer, createProduct, payAndSettle, placeOrder, waitFor } from '../support/shop';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const enqueue = (topic: string, payload: Record<string, unknown>) =>
  t.rt.sequelize.transaction((tx) => t.rt.outbox.enqueue(tx, topic, payload));
const dueNow = () => t.rt.outbox.model.update({ nextAttemptAt: new Date(0) }, { where: { status: 'pending' } });

it('writes nothing when the transaction rolls back', async () => {
  await expect(
    t.rt.sequelize.transaction(async (tx) => {
      await t.rt.outbox.enqueue(tx, 'test.rollback', { n: 1 });
      throw new Error('the business change failed');
    }),
  ).rejects.toThrow('the business change failed');
  expect(await t.rt.outbox.model.count({ where: { topic: 'test.rollback' } })).toBe(0);
});

it('retries a failing handler until it succeeds, and records the error meanwhile', async () => {
  let calls = 0;
  t.rt.outbox.register('test.flaky', async () => {
    calls++;
    if (calls < 3) throw new Error(`failure ${calls}`);
  });
  await enqueue('test.flaky', {});
  for (let i = 0; i < 3; i++) {
    await t.rt.outbox.drain();
    await dueNow();
  }
  const row = (await t.rt.outbox.model.findOne({ where: { topic: 'test.flaky' } }))!.get({ plain: true });
  expect([calls, row.status, row.attempts]).toEqual([3, 'done', 3]);
});

it('two workers draining 60 messages run each exactly once', async () => {
  const seen: number[] = [];
  const handler = async (p: Record<string, unknown>) => {
    seen.push(Number(p.n));
    await new Promise((r) => setTimeout(r, 2));
  };
  const other = new Outbox(t.rt.sequelize, t.rt.logger);
  t.rt.outbox.register('test.once', handler);
  other.register('test.once', handler);
  for (let n = 0; n < 60; n++) await enqueue('test.once', { n });
  await Promise.all([t.rt.outbox.drain(), other.drain(), t.rt.outbox.drain(), other.drain()]);
  expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, n) => n));
  expect(await t.rt.outbox.model.count({ where: { topic: 'test.once', status: 'done' } })).toBe(60);
});

it("a crashed worker's claim is taken over when its lease expires", async () => {
  let runs = 0;
  t.rt.outbox.register('test.crash', async () => {
    runs++;
  });
  // not due yet, so the running worker leaves it alone while we stage the crash
  await t.rt.sequelize.transaction((tx) => t.rt.outbox.enqueue(tx, 'test.crash', {}, { delayMs: 3_600_000 }));
  // a worker claimed it and died before finishing: due now, but its lease still runs, so nothing happens
  await t.rt.outbox.model.update(
    { attempts: 1, lockedUntil: new Date(Date.now() + 60_000), nextAttemptAt: new Date(0) },
    { where: { topic: 'test.crash' } },
  );
  await t.rt.outbox.drain();
  expect(runs).toBe(0);
  await t.rt.outbox.model.update({ lockedUntil: new Date(Date.now() - 1) }, { where: { topic: 'test.crash' } });
  await t.rt.outbox.drain();
  expect(runs).toBe(1);
});

it('a refund whose channel call fails transiently is retried until WeChat Pay confirms it', async () => {
  const admin = await adminLogin(t);
  const { skuId } = await createProduct(t, admin, 3, 2000);
  const b = await buyer(t, 'flaky-refund');
  const order = await placeOrder(t, b, skuId);
  await payAndSettle(t, b.token, order.id);
  const detail = await t.api('GET', `/api/v1/orders/${order.id}`, { token: b.token });
  await t.api('POST', '/sandbox/wechatpay/faults', { body: { refundFailures: 2 } });
  const req = await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, {
    token: b.token,
    body: { type: 'refund_only', reason: 'other', lines: [{ orderItemId: detail.body.items[0].id, quantity: 1 }] },
  });
  await t.api('POST', `/api/admin/v1/after-sales/${req.body.id}/approve`, { token: admin });
  const refund = await waitFor(
    async () => (await t.models.payment.Refund.findOne({ where: { orderId: order.id } }))!.get({ plain: true }),
    (r) => r.status === 'succeeded',
    15_000,
  );
  expect(refund.amountFen).toBe(2800);
  const msg = (await t.rt.outbox.model.findOne({
    where: { topic: 'refund.submit', payloadJson: JSON.stringify({ refundId: refund.id }) },
  }))!;
  expect(msg.getDataValue('attempts')).toBe(3);
  expect(t.rt.wechatPaySim!.ledger.get(order.orderNo).refunded).toBe(2800);
}, 30_000);

it('outside production, a query that escapes its transaction is refused (it would starve the pool under load)', async () => {
  await expect(
    inTransaction(t.rt.sequelize, t.rt.db, async () => {
      await t.rt.outbox.model.count(); // no `transaction: t`
    }),
  ).rejects.toThrow(/escaped its transaction/);
  await expect(
    inTransaction(t.rt.sequelize, t.rt.db, (tx) => t.rt.outbox.model.count({ transaction: tx })),
  ).resolves.toEqual(expect.any(Number));
});

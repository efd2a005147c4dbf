// Group expiry on MariaDB + Redis: failed groups refund every paid member exactly once (through transient
// refund failures, re-runs and two schedulers on one Redis), virtual completion by threshold, leader handover.
import { Scheduler } from '../../src/platform/jobs/scheduler';
import { createRedis } from '../../src/platform/redis/redis';
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { campaign, group, join, open, pay } from '../support/groupbuy';
import { buyer, orderStatus, waitFor } from '../support/shop';
import { TEST_REDIS_URL } from '../support/services';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

let n = 0;
const user = (prefix: string) => buyer(t, `${prefix}${n++}`);
const refundsOf = async (orderId: number) =>
  (await t.models.payment.Refund.findAll({ where: { orderId } })).map((r) => r.get({ plain: true }));
const stockOf = async (skuId: number) => (await t.models.catalog.Sku.findByPk(skuId))!.getDataValue('stock');
const DAY = 86_400_000;

it('an expired group fails and refunds every paid member exactly once, through transient failures and two schedulers', async () => {
  const camp = await campaign(t, admin, { size: 4 }, 10);
  const [a, b, c, d] = [await user('exp'), await user('exp'), await user('exp'), await user('exp')];
  const g = await open(t, a, camp);
  await pay(t, a, g.orderId);
  const jb = (await join(t, b, g.code, camp.skuId)).body;
  const jc = (await join(t, c, g.code, camp.skuId)).body;
  await pay(t, b, jb.order.id);
  const jd = (await join(t, d, g.code, camp.skuId)).body; // joins but never pays
  expect(await stockOf(camp.skuId)).toBe(6);

  await t.api('POST', '/sandbox/wechatpay/faults', { body: { refundFailures: 3 } });
  await t.api('POST', '/sandbox/clock', { body: { advanceMs: DAY + 60_000 } });
  // a second scheduler on the same Redis, as another instance would run it
  const redis = createRedis({ redisUrl: TEST_REDIS_URL, prefix: t.rt.config.redisPrefix });
  const other = new Scheduler({ redis, clock: t.rt.clock, logger: t.rt.logger });
  other.register(t.rt.scheduler.definition('close-expired-groups'));
  const runs = await Promise.all([
    t.api('POST', '/sandbox/jobs/close-expired-groups/run'),
    t.api('POST', '/sandbox/jobs/close-expired-groups/run'),
    other.runNow('close-expired-groups'),
  ]);
  expect(runs[0].status).toBe(200);
  expect(runs[1].status).toBe(200);
  redis.disconnect();
  expect((await group(t, g.code)).status).toBe('failed');

  for (const [m, orderId] of [
    [a, g.orderId],
    [b, jb.order.id],
  ] as const) {
    expect(
      await waitFor(
        () => orderStatus(t, m.token, orderId),
        (s) => s === 'refunded',
        20_000,
      ),
    ).toBe('refunded');
    const rs = await refundsOf(orderId);
    expect(rs.map((r) => [r.reason, r.amountFen, r.status])).toEqual([['group_failed', 6800, 'succeeded']]);
  }
  const ledger = t.rt.wechatPaySim!.ledger;
  const paid = await t.api('GET', `/api/v1/orders/${g.orderId}`, { token: a.token });
  expect(ledger.get(paid.body.orderNo).refunded).toBe(6800);
  // the unpaid seats are cancelled like any unpaid order (channel order closed first)
  for (const [m, orderId] of [
    [c, jc.order.id],
    [d, jd.order.id],
  ] as const)
    expect(
      await waitFor(
        () => orderStatus(t, m.token, orderId),
        (s) => s === 'cancelled',
      ),
    ).toBe('cancelled');
  // running the job again changes nothing
  await t.api('POST', '/sandbox/jobs/close-expired-groups/run');
  expect((await refundsOf(g.orderId)).length).toBe(1);
  const failedNotices = (await t.api('GET', '/sandbox/wechat/messages')).body.items.filter(
    (x: { template_id: string }) => x.template_id === 'sandbox_group_failed',
  );
  expect(failedNotices.length).toBe(2);
}, 40_000);

it('virtual completion when enough seats are real and paid; failed below the threshold', async () => {
  const camp = await campaign(t, admin, { size: 4, virtualCompletion: true, virtualThresholdPct: 50 });
  const [a, b, c] = [await user('virt'), await user('virt'), await user('virt')];
  const half = await open(t, a, camp);
  await pay(t, a, half.orderId);
  const jb = (await join(t, b, half.code, camp.skuId)).body;
  await pay(t, b, jb.order.id);
  const quarter = await open(t, c, camp);
  await pay(t, c, quarter.orderId);
  await t.api('POST', '/sandbox/clock', { body: { advanceMs: DAY + 60_000 } });
  const run = await t.api('POST', '/sandbox/jobs/close-expired-groups/run');
  expect(run.body.result).toMatchObject({ succeeded: 1, failed: 1 });
  expect(await group(t, half.code)).toMatchObject({ status: 'succeeded', virtualCompleted: true });
  expect(await orderStatus(t, a.token, half.orderId)).toBe('to_ship');
  expect(await orderStatus(t, b.token, jb.order.id)).toBe('to_ship');
  expect((await group(t, quarter.code)).status).toBe('failed');
  expect(
    await waitFor(
      () => orderStatus(t, c.token, quarter.orderId),
      (s) => s === 'refunded',
    ),
  ).toBe('refunded');
}, 30_000);

it('a leader refunded while the group is open passes leadership on, and the expiry stays', async () => {
  const camp = await campaign(t, admin, { size: 3 });
  const [a, b, c] = [await user('lead'), await user('lead'), await user('lead')];
  const g = await open(t, a, camp);
  await pay(t, a, g.orderId);
  const jb = (await join(t, b, g.code, camp.skuId)).body;
  await pay(t, b, jb.order.id);
  const before = await group(t, g.code);
  const refund = await t.api('POST', `/api/admin/v1/orders/${g.orderId}/refund`, {
    token: admin,
    body: { note: '团长申请退出' },
  });
  expect(refund.status).toBe(200);
  expect(
    await waitFor(
      () => orderStatus(t, a.token, g.orderId),
      (s) => s === 'refunded',
    ),
  ).toBe('refunded');
  const after = await group(t, g.code);
  expect(after.status).toBe('open');
  expect(after.expiresAt).toBe(before.expiresAt);
  expect(after.members).toEqual([expect.objectContaining({ userId: b.userId, isLeader: true, paid: true })]);
  expect(after.seatsLeft).toBe(2);
  // the group still completes with the new leader
  const jc = (await join(t, c, g.code, camp.skuId)).body;
  await pay(t, c, jc.order.id);
  const jd = (await join(t, await user('lead'), g.code, camp.skuId)).body;
  expect(jd.group.code).toBe(g.code);
}, 30_000);

// Group-buy limits under races (the module kit's quota primitive, on MariaDB): the per-user limit and "new users
// only" are one conditional counter update each, so concurrent opens by one user pass exactly as often as the
// limit allows; a cancelled seat gives its quota back. An operator's manual close is audited with before/after.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { campaign, open } from '../support/groupbuy';
import { buyer, payAndSettle, placeOrder, waitFor } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

let n = 0;
const user = (prefix: string) => buyer(t, `${prefix}${n++}`);

const openRace = (m: { token: string; addressId: number }, c: { campaignId: number; skuId: number }, times: number) =>
  Promise.all(
    Array.from({ length: times }, () =>
      t.api('POST', '/api/v1/groupbuy/groups', {
        token: m.token,
        body: { campaignId: c.campaignId, skuId: c.skuId, addressId: m.addressId },
      }),
    ),
  );

const quotaUsed = async (key: string) =>
  Number(
    (
      (await t.rt.sequelize.query('SELECT used FROM quota_counters WHERE quota_key = ?', {
        replacements: [key],
        plain: true,
      })) as { used: number } | null
    )?.used ?? 0,
  );

const heldSeats = (campaignId: number, userId: number) =>
  t.models.groupbuy.Member.count({ where: { campaignId, userId, status: ['reserved', 'paid'] } });

describe('per-user limit', () => {
  it('10 concurrent opens by one user with limit 1 → exactly one group, one order, one unit of stock', async () => {
    const c = await campaign(t, admin, { perUserLimit: 1 }, 50);
    const u = await user('limit');
    const answers = await openRace(u, c, 10);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(
      Array(9).fill('GROUPBUY_LIMIT_REACHED'),
    );
    expect(await heldSeats(c.campaignId, u.userId)).toBe(1);
    expect(await t.models.order.Order.count({ where: { userId: u.userId } })).toBe(1);
    expect((await t.models.catalog.Sku.findByPk(c.skuId))!.getDataValue('stock')).toBe(49);
    expect(await quotaUsed(`groupbuy:${c.campaignId}:user:${u.userId}`)).toBe(1);
  });

  it('limit 3: three of ten pass; a cancelled seat gives its quota back', async () => {
    const c = await campaign(t, admin, { perUserLimit: 3 }, 50);
    const u = await user('limit3');
    const answers = await openRace(u, c, 10);
    const won = answers.filter((r) => r.status === 201);
    expect(won).toHaveLength(3);
    expect(await heldSeats(c.campaignId, u.userId)).toBe(3);
    const cancel = await t.api('POST', `/api/v1/orders/${won[0]!.body.order.id}/cancel`, { token: u.token, body: {} });
    expect(cancel.body.status).toBe('cancelled');
    expect(await quotaUsed(`groupbuy:${c.campaignId}:user:${u.userId}`)).toBe(2);
    const again = await openRace(u, c, 3);
    expect(again.filter((r) => r.status === 201)).toHaveLength(1);
    expect(await heldSeats(c.campaignId, u.userId)).toBe(3);
  });
});

describe('new users only', () => {
  it('6 concurrent opens by a new user → exactly one; a user with a paid order gets none', async () => {
    const c = await campaign(t, admin, { newUsersOnly: true }, 50);
    const fresh = await user('fresh');
    const answers = await openRace(fresh, c, 6);
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(
      Array(5).fill('GROUPBUY_NEW_USERS_ONLY'),
    );
    expect(await heldSeats(c.campaignId, fresh.userId)).toBe(1);
    expect(await quotaUsed(`new-user-order:${fresh.userId}`)).toBe(1);

    const old = await user('old');
    const { skuId } = c;
    const bought = await placeOrder(t, old, skuId);
    await payAndSettle(t, old.token, bought.id);
    const refused = await openRace(old, c, 3);
    expect(refused.map((r) => r.status)).toEqual([409, 409, 409]);
    expect(await heldSeats(c.campaignId, old.userId)).toBe(0);
  });
});

describe('audit', () => {
  it("an operator's manual close is in the audit log with operator, before and after", async () => {
    const c = await campaign(t, admin);
    const leader = await user('closer');
    const g = await open(t, leader, c);
    const closed = await t.api('POST', `/api/admin/v1/groupbuy/groups/${g.code}/close`, { token: admin, body: {} });
    expect(closed.body).toEqual({ result: 'failed' });
    const logs = await t.api('GET', `/api/admin/v1/audit-logs?entity=groupbuy_group&entityId=${g.code}`, {
      token: admin,
    });
    expect(logs.status).toBe(200);
    expect(logs.body.total).toBe(1);
    expect(logs.body.items[0]).toMatchObject({
      operatorName: 'admin',
      action: 'groupbuy.group.close',
      entity: 'groupbuy_group',
      entityId: g.code,
      before: { status: 'pending', seatsTaken: 1 },
      after: { status: 'failed', closeReason: 'operator', result: 'failed' },
    });
    // the unpaid leader's order is cancelled through the outbox, and their seat freed
    await waitFor(
      async () => (await t.api('GET', `/api/v1/orders/${g.orderId}`, { token: leader.token })).body.status,
      (s) => s === 'cancelled',
    );
    const consumer = await t.api('GET', '/api/admin/v1/audit-logs', { token: leader.token });
    expect(consumer.status).toBe(401);
  });
});

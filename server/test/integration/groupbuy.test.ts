// Group buy on MariaDB + Redis, black-box through the API (plus DB checks): seats under races, the lifecycle
// through real payments, and expiry refunds exactly once.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { campaign, group, join, open, pay } from '../support/groupbuy';
import { buyer, orderStatus, waitFor } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

let n = 0;
const user = (prefix: string) => buyer(t, `${prefix}${n++}`);
const groupRow = async (code: string) =>
  (await t.models.groupbuy.Group.findOne({ where: { code } }))!.get({ plain: true });

describe('campaigns', () => {
  it('validates what operators save', async () => {
    const c = await campaign(t, admin);
    const bad = async (body: Record<string, unknown>) =>
      (
        await t.api('POST', '/api/admin/v1/groupbuy/campaigns', {
          token: admin,
          body: { productId: c.productId, skus: [{ skuId: c.skuId, groupPriceFen: 5000 }], ...body },
        })
      ).status;
    expect(await bad({ size: 1 })).toBe(400);
    expect(await bad({ size: 101 })).toBe(400);
    expect(await bad({ skus: [{ skuId: c.skuId, groupPriceFen: 10001 }] })).toBe(400); // above the list price
    expect(await bad({ skus: [{ skuId: c.skuId, groupPriceFen: 5000, leaderPriceFen: 5001 }] })).toBe(400);
    expect(await bad({ startsAt: '2026-12-02T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' })).toBe(400);
    const list = await t.api('GET', `/api/v1/groupbuy/campaigns?productId=${c.productId}`);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: c.campaignId,
        size: 2,
        active: true,
        // the display rule's tag: the group price beside the same SKU's list price, no 团长价 without one
        prices: { member: { skuId: c.skuId, priceFen: 6000, from: false, referenceFen: 10000 }, leader: null },
      }),
    ]);
  });
});

describe('the group lifecycle', () => {
  it('pending until the leader pays, open with a clock, succeeded when every seat is paid', async () => {
    const c = await campaign(t, admin, { size: 3, skus: [] as unknown[] }).catch(() => null);
    expect(c).toBeNull(); // no SKU prices: refused
    const camp = await campaign(t, admin, { size: 3 });
    const [a, b, d] = [await user('life'), await user('life'), await user('life')];
    const g = await open(t, a, camp);
    expect(g.body.order).toMatchObject({ payableFen: 6800, status: 'pending_payment' }); // 6000 + 800 shipping
    expect((await group(t, g.code)).status).toBe('pending');
    const early = await join(t, b, g.code, camp.skuId);
    expect([early.status, early.body.error.code]).toEqual([409, 'GROUP_FULL']); // pending is not joinable
    expect(await pay(t, a, g.orderId)).toBe('awaiting_group');
    const opened = await group(t, g.code);
    expect(opened).toMatchObject({ status: 'open', seatsLeft: 2 });
    const hours = (Date.parse(opened.expiresAt) - t.rt.clock.now().getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);

    const jb = await join(t, b, g.code, camp.skuId);
    const jd = await join(t, d, g.code, camp.skuId);
    expect([jb.status, jd.status]).toEqual([201, 201]);
    expect(jb.body).toMatchObject({ routed: false, group: { code: g.code, seatsLeft: 1 } });
    expect(jd.body.group.seatsLeft).toBe(0);
    expect(await pay(t, b, jb.body.order.id)).toBe('awaiting_group');
    expect((await group(t, g.code)).status).toBe('open'); // one seat still unpaid
    expect(await pay(t, d, jd.body.order.id)).toBe('to_ship');
    const done = await group(t, g.code);
    expect(done.status).toBe('succeeded');
    expect(done.members.map((m: { paid: boolean; isLeader: boolean }) => [m.isLeader, m.paid])).toEqual([
      [true, true],
      [false, true],
      [false, true],
    ]);
    for (const [m, id] of [
      [a, g.orderId],
      [b, jb.body.order.id],
      [d, jd.body.order.id],
    ] as const)
      expect(await orderStatus(t, m.token, id)).toBe('to_ship');
    const messages = await waitFor(
      async () =>
        (await t.api('GET', '/sandbox/wechat/messages')).body.items.filter(
          (x: { template_id: string }) => x.template_id === 'sandbox_group_succeeded',
        ),
      (xs: unknown[]) => xs.length >= 3,
    );
    expect(messages.length).toBe(3);
  });

  it('N+5 users racing for the last seats: exactly N get one', async () => {
    const camp = await campaign(t, admin, { size: 6 });
    const leader = await user('race');
    const g = await open(t, leader, camp);
    await pay(t, leader, g.orderId);
    const racers = await Promise.all(Array.from({ length: 10 }, () => user('race')));
    const results = await Promise.all(racers.map((m) => join(t, m, g.code, camp.skuId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'GROUP_FULL')).toHaveLength(5);
    const row = await groupRow(g.code);
    expect(row.seatsTaken).toBe(6);
    expect(await t.models.groupbuy.Member.count({ where: { groupId: row.id, status: ['reserved', 'paid'] } })).toBe(6);
    expect((await group(t, g.code)).members).toHaveLength(6);
  });

  it('30 users opening groups at once (more than the connection pool holds) all get their group', async () => {
    const camp = await campaign(t, admin, { size: 3 });
    const openers = await Promise.all(Array.from({ length: 30 }, () => user('opener')));
    const results = await Promise.all(
      openers.map((m) =>
        t.api('POST', '/api/v1/groupbuy/groups', {
          token: m.token,
          body: { campaignId: camp.campaignId, skuId: camp.skuId, addressId: m.addressId },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    expect(new Set(results.map((r) => r.body.group.code)).size).toBe(30);
  }, 30_000);

  it('a full group routes the joiner to another open group, or opens a new one', async () => {
    const camp = await campaign(t, admin, { size: 2 });
    const [a, b, c2, d] = [await user('route'), await user('route'), await user('route'), await user('route')];
    const g1 = await open(t, a, camp);
    await pay(t, a, g1.orderId);
    const g2 = await open(t, b, camp);
    await pay(t, b, g2.orderId);
    expect((await join(t, c2, g1.code, camp.skuId, 'route')).body).toMatchObject({
      routed: false,
      group: { code: g1.code },
    });
    const routed = await join(t, d, g1.code, camp.skuId, 'route'); // g1 is full now
    expect(routed.status).toBe(201);
    expect(routed.body).toMatchObject({ routed: true, group: { code: g2.code } });
    const detail = await t.api('GET', `/api/v1/groupbuy/campaigns/${camp.campaignId}`);
    expect(detail.body.openGroups).toEqual([]); // both full now
  });

  it('refuses one user twice in a group, even racing themselves', async () => {
    const camp = await campaign(t, admin, { size: 5 });
    const [a, b] = [await user('twice'), await user('twice')];
    const g = await open(t, a, camp);
    await pay(t, a, g.orderId);
    expect((await join(t, a, g.code, camp.skuId)).body.error.code).toBe('ALREADY_IN_GROUP');
    const tries = await Promise.all(Array.from({ length: 6 }, () => join(t, b, g.code, camp.skuId)));
    expect(tries.filter((r) => r.status === 201)).toHaveLength(1);
    expect(tries.filter((r) => r.status === 409).every((r) => r.body.error.code === 'ALREADY_IN_GROUP')).toBe(true);
    expect((await groupRow(g.code)).seatsTaken).toBe(2);
  });

  it('an unpaid seat frees when its order is cancelled', async () => {
    const camp = await campaign(t, admin, { size: 2 });
    const [a, b, c3] = [await user('free'), await user('free'), await user('free')];
    const g = await open(t, a, camp);
    await pay(t, a, g.orderId);
    const jb = await join(t, b, g.code, camp.skuId);
    expect((await join(t, c3, g.code, camp.skuId)).status).toBe(409);
    await t.api('POST', `/api/v1/orders/${jb.body.order.id}/cancel`, { token: b.token, body: {} });
    expect((await group(t, g.code)).seatsLeft).toBe(1);
    const jc = await join(t, c3, g.code, camp.skuId);
    expect(jc.status).toBe(201);
    expect(await pay(t, c3, jc.body.order.id)).toBe('to_ship');
    expect((await group(t, g.code)).status).toBe('succeeded');
  });

  it('a leader who never pays: the order times out and the pending group fails', async () => {
    const camp = await campaign(t, admin, { size: 2 });
    const a = await user('nopay');
    const g = await open(t, a, camp);
    await t.api('POST', '/sandbox/clock', { body: { advanceMs: 31 * 60_000 } });
    await t.api('POST', '/sandbox/jobs/cancel-unpaid-orders/run');
    expect(await orderStatus(t, a.token, g.orderId)).toBe('cancelled');
    expect(await groupRow(g.code)).toMatchObject({ status: 'failed', closeReason: 'leader_unpaid', seatsTaken: 0 });
  });

  it('enforces per-user limits and new-users-only', async () => {
    const limited = await campaign(t, admin, { size: 3, perUserLimit: 1 });
    const a = await user('limit');
    await open(t, a, limited);
    const again = await t.api('POST', '/api/v1/groupbuy/groups', {
      token: a.token,
      body: { campaignId: limited.campaignId, skuId: limited.skuId, addressId: a.addressId },
    });
    expect(again.body.error.code).toBe('GROUPBUY_LIMIT_REACHED');
    const fresh = await campaign(t, admin, { size: 2, newUsersOnly: true });
    const veteran = await user('veteran');
    const first = await open(t, veteran, await campaign(t, admin));
    await pay(t, veteran, first.orderId);
    const refused = await t.api('POST', '/api/v1/groupbuy/groups', {
      token: veteran.token,
      body: { campaignId: fresh.campaignId, skuId: fresh.skuId, addressId: veteran.addressId },
    });
    expect(refused.body.error.code).toBe('GROUPBUY_NEW_USERS_ONLY');
  });
});

describe('sharing', () => {
  it('serves the group mini-program code (getwxacodeunlimit through the WeChat simulator) as a PNG', async () => {
    const camp = await campaign(t, admin);
    const a = await user('share');
    const g = await open(t, a, camp);
    const res = await fetch(`${t.baseUrl}/api/v1/groupbuy/groups/${g.code}/wxacode`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(`${t.baseUrl}/api/v1/groupbuy/groups/NOSUCH1234/wxacode`)).status).toBe(404);
  });
});

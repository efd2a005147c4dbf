// Claiming coupons under races (domain-rules.md, Coupons; litemall #581 gave 9 claims of a 1-coupon template to
// 64 concurrent requests): the total and the per-user limit are atomic quotas, checked against the database after.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyers } from '../support/seckill';
import { createProduct } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

async function template(body: Record<string, unknown>) {
  const res = await t.api('POST', '/api/admin/v1/coupons', {
    token: admin,
    body: {
      name: '满100减20',
      type: 'amount_off',
      thresholdFen: 10000,
      amountOffFen: 2000,
      validity: { kind: 'days', days: 7 },
      total: 10,
      ...body,
    },
  });
  if (res.status !== 201) throw new Error(`template: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as number;
}
const claim = (token: string, id: number) => t.api('POST', `/api/v1/coupons/${id}/claim`, { token, body: {} });

it('100 users racing for a 10-coupon template: exactly 10 copies, remaining 0', async () => {
  const id = await template({ total: 10 });
  const users = await buyers(t, 'claim', 100);
  const answers = await Promise.all(users.map((u) => claim(u.token, id)));
  expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
  expect(answers.filter((a) => a.status !== 201).map((a) => a.body.error.code)).toEqual(
    Array(90).fill('COUPON_SOLD_OUT'),
  );
  expect(await t.models.coupon.UserCoupon.count({ where: { couponId: id } })).toBe(10);
  const figures = (await t.api('GET', `/api/admin/v1/coupons/${id}`, { token: admin })).body;
  expect(figures).toMatchObject({ total: 10, claimed: 10, used: 0, remaining: 0 });
  // the shop no longer offers it
  expect((await t.api('GET', '/api/v1/coupons')).body.items.map((c: { id: number }) => c.id)).not.toContain(id);
});

it('one user racing 10 claims against a limit of 1 gets one; a limit of 3 gives 3', async () => {
  const once = await template({ total: 100, perUserLimit: 1 });
  const thrice = await template({ total: 100, perUserLimit: 3 });
  const [u] = await buyers(t, 'greedy', 1);
  const a = await Promise.all(Array.from({ length: 10 }, () => claim(u!.token, once)));
  expect(a.filter((r) => r.status === 201)).toHaveLength(1);
  expect(new Set(a.filter((r) => r.status !== 201).map((r) => r.body.error.code))).toEqual(
    new Set(['COUPON_LIMIT_REACHED']),
  );
  const b = await Promise.all(Array.from({ length: 10 }, () => claim(u!.token, thrice)));
  expect(b.filter((r) => r.status === 201)).toHaveLength(3);
  expect(await t.models.coupon.UserCoupon.count({ where: { userId: u!.userId } })).toBe(4);
  const mine = (await t.api('GET', '/api/v1/me/coupons?status=available', { token: u!.token })).body;
  expect(mine.total).toBe(4);
  expect(mine.items[0]).toMatchObject({
    status: 'available',
    name: '满100减20',
    thresholdFen: 10000,
    amountOffFen: 2000,
  });
  // 7 days from the claim
  const { validFrom, validUntil } = mine.items[0];
  expect(Date.parse(validUntil) - Date.parse(validFrom)).toBe(7 * 86_400_000);
});

it('refuses impossible templates with a 400 and changes nothing; the shop lists only what covers the product', async () => {
  const before = await t.models.coupon.Template.count();
  for (const body of [
    { thresholdFen: 2000, amountOffFen: 2000 },
    { type: 'percent_off', percentOff: 100, thresholdFen: undefined, amountOffFen: undefined },
    { type: 'no_threshold', thresholdFen: 100, amountOffFen: 100 },
    { scope: { kind: 'products' } },
  ]) {
    const res = await t.api('POST', '/api/admin/v1/coupons', {
      token: admin,
      body: {
        name: 'x',
        type: 'amount_off',
        thresholdFen: 10000,
        amountOffFen: 2000,
        validity: { kind: 'days', days: 7 },
        total: 10,
        ...body,
      },
    });
    expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  }
  expect(await t.models.coupon.Template.count()).toBe(before);

  const p = await createProduct(t, admin, 10, 9900);
  const other = await createProduct(t, admin, 10, 9900);
  const forP = await template({ name: '指定商品券', scope: { kind: 'products', ids: [p.productId] } });
  const listed = async (productId: number) =>
    (await t.api('GET', `/api/v1/coupons?productId=${productId}`)).body.items.map((c: { id: number }) => c.id);
  expect(await listed(p.productId)).toContain(forP);
  expect(await listed(other.productId)).not.toContain(forP);
  // a template not claimable is never listed, and claiming it is refused
  const issued = await template({ name: '仅发放', claimable: false });
  expect(await listed(p.productId)).not.toContain(issued);
  const [u] = await buyers(t, 'issued', 1);
  expect((await claim(u!.token, issued)).body.error.code).toBe('COUPON_NOT_CLAIMABLE');
  expect((await claim(u!.token, 999999)).status).toBe(404);
});

it('the expiry job ends copies whose window has passed (business clock), and only those', async () => {
  const id = await template({ name: '3天券', validity: { kind: 'days', days: 3 }, total: 5 });
  const later = await template({ name: '30天券', validity: { kind: 'days', days: 30 }, total: 5 });
  const [u] = await buyers(t, 'expiry', 1);
  expect((await claim(u!.token, id)).status).toBe(201);
  expect((await claim(u!.token, later)).status).toBe(201);
  await t.api('POST', '/sandbox/clock', { body: { advanceMs: 3 * 86_400_000 + 60_000 } });
  // shown as expired at once, before the job has run
  const shown = (await t.api('GET', '/api/v1/me/coupons?status=expired', { token: u!.token })).body;
  expect(shown.items.map((c: { couponId: number }) => c.couponId)).toEqual([id]);
  expect((await t.api('POST', '/sandbox/jobs/expire-coupons/run')).status).toBe(200);
  const rows = await t.models.coupon.UserCoupon.findAll({ where: { userId: u!.userId }, order: [['couponId', 'ASC']] });
  expect(rows.map((r) => [r.getDataValue('couponId'), r.getDataValue('status')])).toEqual([
    [id, 'expired'],
    [later, 'available'],
  ]);
  const available = (await t.api('GET', '/api/v1/me/coupons?status=available', { token: u!.token })).body;
  expect(available.items.map((c: { couponId: number }) => c.couponId)).toEqual([later]);
});

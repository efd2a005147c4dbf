// Coupons on the embedded default (SQLite): the quotas' upsert is SQLite's own clause there, and a claim race
// still gives exactly the total.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyers } from '../support/seckill';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer({ mode: 'embedded' });
  admin = await adminLogin(t);
});
afterAll(() => t.close());

it('6 buyers racing for 3 coupons get 3; a second claim by one buyer hits the limit', async () => {
  const created = await t.api('POST', '/api/admin/v1/coupons', {
    token: admin,
    body: { name: '无门槛5元', type: 'no_threshold', amountOffFen: 500, validity: { kind: 'days', days: 3 }, total: 3 },
  });
  expect(created.status).toBe(201);
  const id = created.body.id;
  const users = await buyers(t, 'coupon-embedded', 6, 1); // SQLite: one sign-up at a time
  const answers = await Promise.all(
    users.map((u) => t.api('POST', `/api/v1/coupons/${id}/claim`, { token: u.token, body: {} })),
  );
  expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
  expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'COUPON_SOLD_OUT')).toBe(true);
  const winner = users[answers.findIndex((a) => a.status === 201)]!;
  const again = await t.api('POST', `/api/v1/coupons/${id}/claim`, { token: winner.token, body: {} });
  expect(again.body.error.code).toBe('COUPON_LIMIT_REACHED');
  expect((await t.api('GET', `/api/admin/v1/coupons/${id}`, { token: admin })).body).toMatchObject({
    claimed: 3,
    remaining: 0,
  });
});

// Operator settings under a race: the first writes of a key all land (a deadlock on the missing row is retried,
// never a 500), the last write wins whole, and every write is audited.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

it('8 concurrent first writes of the order settings: all 200, one of them stored, 8 audit entries', async () => {
  const bodies = Array.from({ length: 8 }, (_, i) => ({
    paymentTimeoutMinutes: 10 + i,
    autoConfirmDays: 7,
    shippingFlatFeeFen: 800,
    freeShippingOverFen: 9900,
  }));
  const answers = await Promise.all(
    bodies.map((body) => t.api('PUT', '/api/admin/v1/settings/order', { token: admin, body })),
  );
  expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
  const stored = await t.api('GET', '/api/admin/v1/settings/order', { token: admin });
  expect(bodies).toContainEqual(stored.body);
  const audit = await t.api('GET', '/api/admin/v1/audit-logs?entity=settings&entityId=order&pageSize=50', {
    token: admin,
  });
  expect(audit.body.total).toBe(8);
  expect(audit.body.items[0].after).toEqual(stored.body);
});

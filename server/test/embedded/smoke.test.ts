// The embedded default (SQLite file + the in-process Redis stand-in, demo data, sandbox) runs the same app.
import { adminLogin, startTestServer, wechatLogin, type TestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ mode: 'embedded', seedDemo: true });
});
afterAll(() => t.close());

it('is ready on SQLite and the in-process Redis stand-in', async () => {
  expect(t.rt.sequelize.getDialect()).toBe('sqlite');
  const ready = await t.api('GET', '/readyz');
  expect(ready.status).toBe(200);
});

it('logs consumers in through the simulators: the same code, the same user', async () => {
  const a1 = await wechatLogin(t, 'alice');
  const a2 = await wechatLogin(t, 'alice');
  const b = await wechatLogin(t, 'bob');
  expect(a2.userId).toBe(a1.userId);
  expect(b.userId).not.toBe(a1.userId);
  const ali = await t.api('POST', '/api/v1/auth/alipay/login', { body: { code: 'sim_alice' } });
  expect(ali.status).toBe(200);
});

it('serves the demo catalog and lets an operator add a product', async () => {
  const list = await t.api('GET', '/api/v1/products?pageSize=50');
  expect(list.body.total).toBeGreaterThanOrEqual(20);
  const token = await adminLogin(t);
  const created = await t.api('POST', '/api/admin/v1/products', {
    token,
    body: { title: '嵌入式测试商品', skus: [{ priceFen: 990, stock: 3 }] },
  });
  expect(created.status).toBe(201);
  const detail = await t.api('GET', `/api/v1/products/${created.body.id}`);
  expect(detail.body.skus[0]).toMatchObject({ priceFen: 990, stock: 3 });
});

it('runs jobs under the Lua lease lock on the stand-in, and rate-limits in process', async () => {
  const run = await t.api('POST', '/sandbox/jobs/purge-login-codes/run');
  expect(run.status).toBe(200);
  const codes = [];
  for (let i = 0; i < 2; i++)
    codes.push((await t.api('POST', '/api/v1/auth/h5/sms-code', { body: { phone: '13700000000' } })).status);
  expect(codes).toEqual([200, 429]);
});

it('serves the OpenAPI document', async () => {
  const doc = await t.api('GET', '/api/openapi.json');
  expect(doc.body.openapi).toMatch(/^3\.1/);
});

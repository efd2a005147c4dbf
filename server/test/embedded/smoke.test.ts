// The embedded default (SQLite file + the in-process Redis stand-in, demo data, sandbox) runs the same app.
import { adminLogin, startTestServer, wechatLogin, type TestServer } from '../support/harness';
import { campaign, join, open, pay } from '../support/groupbuy';
import { buyer, createProduct, payAndSettle, placeOrder } from '../support/shop';

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

it('runs the purchase loop on SQLite: order → WeChat Pay simulator → notification → ship → confirm', async () => {
  const admin = await adminLogin(t);
  const { skuId } = await createProduct(t, admin, 3, 4500);
  const b = await buyer(t, 'embedded-buyer');
  const order = await placeOrder(t, b, skuId, 2);
  expect(await payAndSettle(t, b.token, order.id)).toBe('to_ship');
  const ship = await t.api('POST', `/api/admin/v1/orders/${order.id}/ship`, {
    token: admin,
    body: { carrier: '圆通', trackingNo: 'YT1' },
  });
  expect(ship.body.status).toBe('shipped');
  const done = await t.api('POST', `/api/v1/orders/${order.id}/confirm-receipt`, { token: b.token });
  expect(done.body.status).toBe('completed');
});

it('runs a group buy on SQLite', async () => {
  const admin = await adminLogin(t);
  const camp = await campaign(t, admin, { size: 2 });
  const a = await buyer(t, 'embedded-leader');
  const b = await buyer(t, 'embedded-member');
  const g = await open(t, a, camp);
  expect(await pay(t, a, g.orderId)).toBe('awaiting_group');
  const joined = await join(t, b, g.code, camp.skuId);
  expect(joined.status).toBe(201);
  expect(await pay(t, b, joined.body.order.id)).toBe('to_ship');
  const preview = await t.api('POST', '/api/v1/checkout/preview', {
    token: a.token,
    body: { items: [{ skuId: camp.skuId, quantity: 1 }] },
  });
  expect(preview.status).toBe(200);
}, 30_000);

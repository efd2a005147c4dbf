import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyer as shopBuyer, createProduct, payAndSettle, placeOrder } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const product = (stock: number, priceFen = 5000) => createProduct(t, admin, stock, priceFen);
const buyer = (name: string) => shopBuyer(t, name);

const stockOf = async (skuId: number) => (await t.models.catalog.Sku.findByPk(skuId))!.getDataValue('stock');

describe('placing orders', () => {
  it('prices on the server (client prices are ignored), keeps a snapshot and reserves stock', async () => {
    const { skuId } = await product(10, 4550);
    const b = await buyer('price');
    const res = await t.api('POST', '/api/v1/orders', {
      token: b.token,
      body: { items: [{ skuId, quantity: 2, priceFen: 1 }], addressId: b.addressId, payableFen: 1 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending_payment',
      itemsTotalFen: 9100,
      shippingFen: 800, // under the ¥99 free-shipping threshold
      payableFen: 9900,
      items: [{ skuId, unitPriceFen: 4550, quantity: 2, lineTotalFen: 9100 }],
      address: { name: '张三', city: '杭州市' },
    });
    expect(res.body.orderNo).toMatch(/^\d{22}$/);
    expect(await stockOf(skuId)).toBe(8);
    // later edits never change history
    await t.models.catalog.Sku.update({ priceFen: 1 }, { where: { id: skuId } });
    const again = await t.api('GET', `/api/v1/orders/${res.body.id}`, { token: b.token });
    expect(again.body.items[0].unitPriceFen).toBe(4550);
  });

  it('100 concurrent buyers for 10 units: exactly 10 orders, stock 0, never below', async () => {
    const { skuId } = await product(10, 12000);
    const buyers = await Promise.all(Array.from({ length: 100 }, (_, i) => buyer(`rush${i}`)));
    const results = await Promise.all(
      buyers.map((b) =>
        t.api('POST', '/api/v1/orders', {
          token: b.token,
          body: { items: [{ skuId, quantity: 1 }], addressId: b.addressId },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(90);
    expect(refused.every((r) => r.body.error.code === 'STOCK_INSUFFICIENT')).toBe(true);
    expect(await stockOf(skuId)).toBe(0);
    const { OrderItem } = t.models.order;
    expect(await OrderItem.sum('quantity', { where: { skuId } })).toBe(10);
  });

  it('the same Idempotency-Key twice (even racing) gives one order and the first response', async () => {
    const { skuId } = await product(50);
    const b = await buyer('idem');
    const send = () =>
      t.api('POST', '/api/v1/orders', {
        token: b.token,
        headers: { 'idempotency-key': 'order-key-0001' },
        body: { items: [{ skuId, quantity: 1 }], addressId: b.addressId },
      });
    const [r1, r2, r3] = await Promise.all([send(), send(), send()]);
    expect([r1.status, r2.status, r3.status]).toEqual([201, 201, 201]);
    expect(new Set([r1.body.id, r2.body.id, r3.body.id]).size).toBe(1);
    expect(await t.models.order.Order.count({ where: { userId: b.userId } })).toBe(1);
    expect(await stockOf(skuId)).toBe(49);
    const other = await buyer('idem2'); // another user's same key is their own
    const r4 = await t.api('POST', '/api/v1/orders', {
      token: other.token,
      headers: { 'idempotency-key': 'order-key-0001' },
      body: { items: [{ skuId, quantity: 1 }], addressId: other.addressId },
    });
    expect(r4.body.id).not.toBe(r1.body.id);
  });

  it.each([
    ['an unknown SKU', { items: [{ skuId: 999999, quantity: 1 }] }, 400, 'SKU_UNAVAILABLE'],
    ['zero quantity', { items: [{ skuId: -1, quantity: 0 }] }, 400, 'VALIDATION_FAILED'],
    ['more than the stock', { items: [{ skuId: 0, quantity: 6 }] }, 409, 'STOCK_INSUFFICIENT'],
  ])('refuses %s and changes nothing', async (_w, patch, status, code) => {
    const { skuId } = await product(5);
    const b = await buyer('bad');
    const items = (patch.items as { skuId: number; quantity: number }[]).map((i) => ({
      ...i,
      skuId: i.skuId === 0 ? skuId : i.skuId,
    }));
    const before = await t.models.order.Order.count();
    const res = await t.api('POST', '/api/v1/orders', { token: b.token, body: { items, addressId: b.addressId } });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await t.models.order.Order.count()).toBe(before);
    expect(await stockOf(skuId)).toBe(5);
  });

  it("another user's address or order is a 404 on every endpoint", async () => {
    const { skuId } = await product(5);
    const a = await buyer('owner');
    const b = await buyer('snoop');
    const order = await t.api('POST', '/api/v1/orders', {
      token: a.token,
      body: { items: [{ skuId, quantity: 1 }], addressId: a.addressId },
    });
    expect(
      (
        await t.api('POST', '/api/v1/orders', {
          token: b.token,
          body: { items: [{ skuId, quantity: 1 }], addressId: a.addressId },
        })
      ).status,
    ).toBe(404);
    expect((await t.api('GET', `/api/v1/orders/${order.body.id}`, { token: b.token })).status).toBe(404);
    const cancel = await t.api('POST', `/api/v1/orders/${order.body.id}/cancel`, { token: b.token, body: {} });
    expect(cancel.status).toBe(404);
    expect((await t.api('GET', `/api/v1/orders/${order.body.id}`, { token: a.token })).body.status).toBe(
      'pending_payment',
    );
  });
});

describe('cancelling', () => {
  it('racing cancels release the stock exactly once', async () => {
    const { skuId } = await product(5);
    const b = await buyer('cancel');
    const order = await t.api('POST', '/api/v1/orders', {
      token: b.token,
      body: { items: [{ skuId, quantity: 3 }], addressId: b.addressId },
    });
    expect(await stockOf(skuId)).toBe(2);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.api('POST', `/api/v1/orders/${order.body.id}/cancel`, { token: b.token, body: {} }),
      ),
    );
    expect(results.every((r) => r.status === 200 && r.body.status === 'cancelled')).toBe(true);
    expect(await stockOf(skuId)).toBe(5);
  });

  it('cancel-unpaid-orders cancels orders past their 30-minute deadline on the business clock', async () => {
    const { skuId } = await product(5);
    const b = await buyer('timeout');
    const order = await t.api('POST', '/api/v1/orders', {
      token: b.token,
      body: { items: [{ skuId, quantity: 2 }], addressId: b.addressId },
    });
    const early = await t.api('POST', '/sandbox/jobs/cancel-unpaid-orders/run');
    expect(early.status).toBe(200);
    expect((await t.api('GET', `/api/v1/orders/${order.body.id}`, { token: b.token })).body.status).toBe(
      'pending_payment',
    );
    await t.api('POST', '/sandbox/clock', { body: { advanceMs: 31 * 60_000 } });
    const run = await t.api('POST', '/sandbox/jobs/cancel-unpaid-orders/run');
    expect(run.body.result.cancelled).toBeGreaterThanOrEqual(1);
    expect((await t.api('GET', `/api/v1/orders/${order.body.id}`, { token: b.token })).body.status).toBe('cancelled');
    expect(await stockOf(skuId)).toBe(5);
  });

  it('an unpaid order cannot be shipped', async () => {
    const { skuId } = await product(5);
    const b = await buyer('ship');
    const order = await t.api('POST', '/api/v1/orders', {
      token: b.token,
      body: { items: [{ skuId, quantity: 1 }], addressId: b.addressId },
    });
    const res = await t.api('POST', `/api/admin/v1/orders/${order.body.id}/ship`, {
      token: admin,
      body: { carrier: '顺丰', trackingNo: 'SF1' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ORDER_STATE_INVALID');
  });
});

describe('checkout preview', () => {
  it('returns exactly the breakdown the order then charges, and flags what is short', async () => {
    const a = await product(5, 3990);
    const c = await product(1, 2000);
    const b = await buyer('preview');
    const items = [
      { skuId: a.skuId, quantity: 2 },
      { skuId: c.skuId, quantity: 2 },
    ];
    const preview = await t.api('POST', '/api/v1/checkout/preview', { token: b.token, body: { items } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ itemsTotalFen: 11980, shippingFen: 0, payableFen: 11980 });
    expect(preview.body.lines.map((l: { available: boolean }) => l.available)).toEqual([true, false]);
    items[1]!.quantity = 1;
    const again = await t.api('POST', '/api/v1/checkout/preview', { token: b.token, body: { items } });
    const order = await t.api('POST', '/api/v1/orders', { token: b.token, body: { items, addressId: b.addressId } });
    for (const k of ['itemsTotalFen', 'discountFen', 'shippingFen', 'payableFen'])
      expect([k, order.body[k]]).toEqual([k, again.body[k]]);
    const bad = await t.api('POST', '/api/v1/checkout/preview', { token: b.token, body: { items: [] } });
    expect(bad.status).toBe(400);
  });
});

describe('order settings', () => {
  it('operators change shipping and the payment timeout; new orders follow at once; bad input changes nothing', async () => {
    const before = await t.api('GET', '/api/admin/v1/settings/order', { token: admin });
    expect(before.body).toEqual({
      paymentTimeoutMinutes: 30,
      autoConfirmDays: 7,
      shippingFlatFeeFen: 800,
      freeShippingOverFen: 9900,
    });
    const bad = await t.api('PUT', '/api/admin/v1/settings/order', {
      token: admin,
      body: { ...before.body, paymentTimeoutMinutes: 1 },
    });
    expect(bad.status).toBe(400);
    const consumer = await buyer('settings');
    const forbidden = await t.api('PUT', '/api/admin/v1/settings/order', { token: consumer.token, body: before.body });
    expect(forbidden.status).toBe(401);
    const put = await t.api('PUT', '/api/admin/v1/settings/order', {
      token: admin,
      body: { paymentTimeoutMinutes: 15, autoConfirmDays: 10, shippingFlatFeeFen: 1200, freeShippingOverFen: 0 },
    });
    expect(put.status).toBe(200);
    const { skuId } = await product(5, 1000);
    const order = await t.api('POST', '/api/v1/orders', {
      token: consumer.token,
      body: { items: [{ skuId, quantity: 1 }], addressId: consumer.addressId },
    });
    expect(order.body.shippingFen).toBe(0); // 0 = always free
    const minutes = (Date.parse(order.body.payDeadline) - Date.parse(order.body.createdAt)) / 60_000;
    expect(minutes).toBe(15);
    await t.api('PUT', '/api/admin/v1/settings/order', { token: admin, body: before.body });
  });
});

describe('amounts beyond the order columns', () => {
  it('are a 400 in the preview and the order alike, and change nothing', async () => {
    const { skuId } = await product(10, 4_000_000_000);
    const b = await buyer('huge');
    const items = [{ skuId, quantity: 2 }];
    const preview = await t.api('POST', '/api/v1/checkout/preview', { token: b.token, body: { items } });
    expect(preview.status).toBe(400);
    expect(preview.body.error.code).toBe('ORDER_AMOUNT_TOO_LARGE');
    const order = await t.api('POST', '/api/v1/orders', { token: b.token, body: { items, addressId: b.addressId } });
    expect(order.status).toBe(400);
    expect(order.body.error.code).toBe('ORDER_AMOUNT_TOO_LARGE');
    expect(await stockOf(skuId)).toBe(10);
    expect(await t.models.order.Order.count({ where: { userId: b.userId } })).toBe(0);
    const one = await t.api('POST', '/api/v1/orders', {
      token: b.token,
      body: { items: [{ skuId, quantity: 1 }], addressId: b.addressId },
    });
    expect(one.status).toBe(201);
    expect(one.body.payableFen).toBe(4_000_000_000);
  });
});

describe('the order record', () => {
  it('says when the order was placed, paid (and how), shipped (carrier, number) and received', async () => {
    const { skuId } = await product(5);
    const b = await buyer('record');
    const order = await placeOrder(t, b, skuId);
    const view = async () => (await t.api('GET', `/api/v1/orders/${order.id}`, { token: b.token })).body;
    expect(await view()).toMatchObject({ paidAt: null, shippedAt: null, completedAt: null, cancelledAt: null });

    expect(await payAndSettle(t, b.token, order.id)).toBe('to_ship');
    const paid = await view();
    // the payment's own time (WeChat's success_time); the file's other tests move the business clock, so no order
    expect(Number.isNaN(Date.parse(paid.paidAt))).toBe(false);
    const payments = await t.api('GET', `/api/v1/orders/${order.id}/payments`, { token: b.token });
    expect(payments.body.payments).toEqual([expect.objectContaining({ channel: 'wechat', status: 'paid' })]);

    const shipped = await t.api('POST', `/api/admin/v1/orders/${order.id}/ship`, {
      token: admin,
      body: { carrier: '顺丰速运', trackingNo: 'SF1234567890' },
    });
    expect(shipped.status).toBe(200);
    const s = await view();
    expect(s).toMatchObject({ status: 'shipped', carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    expect(Date.parse(s.shippedAt)).toBeGreaterThanOrEqual(Date.parse(s.createdAt));

    await t.api('POST', `/api/v1/orders/${order.id}/confirm-receipt`, { token: b.token });
    const done = await view();
    expect(done.status).toBe('completed');
    expect(Date.parse(done.completedAt)).toBeGreaterThanOrEqual(Date.parse(s.shippedAt));
    // the admin sees the same record
    const adminView = await t.api('GET', `/api/admin/v1/orders/${order.id}`, { token: admin });
    expect(adminView.body).toMatchObject({
      paidAt: done.paidAt,
      shippedAt: done.shippedAt,
      completedAt: done.completedAt,
    });
  });
});

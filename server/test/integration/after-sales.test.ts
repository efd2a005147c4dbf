// After-sales on MariaDB + Redis: refunds go through the real WeChat Pay loop (outbox → simulator → refund
// notification), never exceed what was paid, and stock comes back exactly once.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { setReturnAddress } from '../support/after-sales';
import { buyer, createProduct, orderStatus, payAndSettle, placeOrder, waitFor } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const stockOf = async (skuId: number) => (await t.models.catalog.Sku.findByPk(skuId))!.getDataValue('stock');
const refunds = async (orderId: number) =>
  (await t.models.payment.Refund.findAll({ where: { orderId } })).map((r) => r.get({ plain: true }));

async function paidOrder(name: string, stock: number, priceFen: number, quantity: number) {
  const { skuId } = await createProduct(t, admin, stock, priceFen);
  const b = await buyer(t, name);
  const order = await placeOrder(t, b, skuId, quantity);
  expect(await payAndSettle(t, b.token, order.id)).toBe('to_ship');
  const detail = await t.api('GET', `/api/v1/orders/${order.id}`, { token: b.token });
  const itemId = (await t.models.order.OrderItem.findOne({ where: { orderId: order.id } }))!.getDataValue('id');
  return { b, skuId, order: detail.body, itemId };
}

const settledStatus = (token: string, id: number) =>
  waitFor(
    async () => (await t.api('GET', `/api/v1/after-sales/${id}`, { token })).body,
    (a) => a.status === 'refunded' && a.refundStatus === 'succeeded',
  );

describe('after-sales', () => {
  it('refund only, in two parts: the parts sum exactly to what was paid, shipping included, stock back', async () => {
    const { b, skuId, order, itemId } = await paidOrder('partial', 10, 3000, 3); // 9000 + 800 shipping
    expect(await stockOf(skuId)).toBe(7);
    const first = await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, {
      token: b.token,
      body: { type: 'refund_only', reason: 'ordered_by_mistake', lines: [{ orderItemId: itemId, quantity: 1 }] },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'requested', amountFen: 3000 });
    expect(await orderStatus(t, b.token, order.id)).toBe('refunding');
    const approved = await t.api('POST', `/api/admin/v1/after-sales/${first.body.id}/approve`, { token: admin });
    expect(approved.body.status).toBe('refunding');
    await settledStatus(b.token, first.body.id);
    expect(await orderStatus(t, b.token, order.id)).toBe('to_ship'); // partial: back to shipping
    expect(await stockOf(skuId)).toBe(8);

    const rest = await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, {
      token: b.token,
      body: { type: 'refund_only', reason: 'no_longer_needed', lines: [{ orderItemId: itemId, quantity: 2 }] },
    });
    expect(rest.body.amountFen).toBe(6800); // the last units take the shipping back too
    await t.api('POST', `/api/admin/v1/after-sales/${rest.body.id}/approve`, { token: admin });
    await settledStatus(b.token, rest.body.id);
    expect(
      await waitFor(
        () => orderStatus(t, b.token, order.id),
        (s) => s === 'refunded',
      ),
    ).toBe('refunded');
    const rs = await refunds(order.id);
    expect(rs.reduce((s, r) => s + r.amountFen, 0)).toBe(order.paidFen);
    expect(t.rt.wechatPaySim!.ledger.get(order.orderNo).refunded).toBe(order.paidFen);
    expect(await stockOf(skuId)).toBe(10);
    // nothing is left to ask for
    const more = await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, {
      token: b.token,
      body: { type: 'refund_only', reason: 'other', lines: [{ orderItemId: itemId, quantity: 1 }] },
    });
    expect(more.status).toBe(409);
  });

  it('return and refund after shipping: approve → the buyer sends it back → received → refunded', async () => {
    const { b, skuId, order, itemId } = await paidOrder('returns', 5, 12000, 1);
    await t.api('POST', `/api/admin/v1/orders/${order.id}/ship`, {
      token: admin,
      body: { carrier: '顺丰', trackingNo: 'SF1' },
    });
    const refundOnly = await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, {
      token: b.token,
      body: { type: 'refund_only', reason: 'other', lines: [{ orderItemId: itemId, quantity: 1 }] },
    });
    expect([refundOnly.status, refundOnly.body.error.code]).toEqual([409, 'AFTER_SALE_NOT_ALLOWED']);
    const req = await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, {
      token: b.token,
      body: { type: 'return_refund', reason: 'not_as_described', lines: [{ orderItemId: itemId, quantity: 1 }] },
    });
    expect(req.body.amountFen).toBe(12000);
    const early = await t.api('POST', `/api/admin/v1/after-sales/${req.body.id}/receive`, { token: admin });
    expect(early.status).toBe(409);
    await setReturnAddress(t, admin);
    expect(
      (await t.api('POST', `/api/admin/v1/after-sales/${req.body.id}/approve`, { token: admin })).body.status,
    ).toBe('awaiting_return');
    expect(await stockOf(skuId)).toBe(4); // not back until the goods are
    const sent = await t.api('POST', `/api/v1/after-sales/${req.body.id}/return`, {
      token: b.token,
      body: { carrier: '中通', trackingNo: 'ZT9' },
    });
    expect(sent.body).toMatchObject({ status: 'returning', returnTrackingNo: 'ZT9' });
    await t.api('POST', `/api/admin/v1/after-sales/${req.body.id}/receive`, { token: admin });
    await settledStatus(b.token, req.body.id);
    expect(
      await waitFor(
        () => orderStatus(t, b.token, order.id),
        (s) => s === 'refunded',
      ),
    ).toBe('refunded');
    expect(await stockOf(skuId)).toBe(5);
  });

  it('a rejected or cancelled request puts the order back where it was', async () => {
    const { b, order, itemId } = await paidOrder('reject', 5, 2000, 2);
    const body = { type: 'refund_only', reason: 'other', lines: [{ orderItemId: itemId, quantity: 1 }] };
    const a = await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, { token: b.token, body });
    const rejected = await t.api('POST', `/api/admin/v1/after-sales/${a.body.id}/reject`, {
      token: admin,
      body: { note: '已发出' },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', operatorNote: '已发出' });
    expect(await orderStatus(t, b.token, order.id)).toBe('to_ship');
    const c = await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, { token: b.token, body });
    expect((await t.api('POST', `/api/v1/after-sales/${c.body.id}/cancel`, { token: b.token })).body.status).toBe(
      'cancelled',
    );
    expect(await orderStatus(t, b.token, order.id)).toBe('to_ship');
    expect(await refunds(order.id)).toEqual([]);
  });

  it('racing requests and approvals: one request, one refund, never more than was paid', async () => {
    const { b, skuId, order, itemId } = await paidOrder('race', 10, 1500, 4);
    const body = { type: 'refund_only', reason: 'other', lines: [{ orderItemId: itemId, quantity: 4 }] };
    const requests = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.api('POST', `/api/v1/orders/${order.id}/after-sales`, { token: b.token, body }),
      ),
    );
    const created = requests.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(requests.filter((r) => r.status === 409)).toHaveLength(9);
    const id = created[0]!.body.id;
    const approvals = await Promise.all(
      Array.from({ length: 10 }, () => t.api('POST', `/api/admin/v1/after-sales/${id}/approve`, { token: admin })),
    );
    expect(approvals.filter((r) => r.status === 200)).toHaveLength(1);
    await settledStatus(b.token, id);
    const rs = await refunds(order.id);
    expect(rs).toHaveLength(1);
    expect(rs[0]!.amountFen).toBe(order.paidFen);
    expect(await stockOf(skuId)).toBe(10); // returned once
    const submitted = await t.rt.outbox.model.count({ where: { topic: 'refund.submit', status: 'done' } });
    expect(submitted).toBeGreaterThanOrEqual(1);
  });

  it("bad input and other users' orders change nothing", async () => {
    const { b, order, itemId } = await paidOrder('owner2', 5, 1000, 1);
    const other = await buyer(t, 'stranger2');
    const body = { type: 'refund_only', reason: 'other', lines: [{ orderItemId: itemId, quantity: 1 }] };
    expect((await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, { token: other.token, body })).status).toBe(
      404,
    );
    const tooMany = await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, {
      token: b.token,
      body: { ...body, lines: [{ orderItemId: itemId, quantity: 2 }] },
    });
    expect([tooMany.status, tooMany.body.error.code]).toEqual([400, 'AFTER_SALE_QUANTITY_INVALID']);
    const junk = await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, { token: b.token, body: { type: 'x' } });
    expect(junk.status).toBe(400);
    expect(await orderStatus(t, b.token, order.id)).toBe('to_ship');
    expect(await t.models.afterSale.AfterSale.count({ where: { orderId: order.id } })).toBe(0);
  });
});

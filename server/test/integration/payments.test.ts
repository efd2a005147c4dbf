// WeChat Pay end to end on MariaDB + Redis: the real client (wechatpay-node-v3 with the host rewritten) → the
// simulator → signed, encrypted notifications → our handler. Replays, forgeries, races and late payments.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import {
  buyer,
  createProduct,
  orderStatus,
  payAndSettle,
  placeOrder,
  prepay,
  transactionNotification,
  waitFor,
} from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const NOTIFY = '/api/v1/payments/wechat/notify';
const paymentRows = (orderId: number) => t.models.payment.Payment.findAll({ where: { orderId } });
const refundRows = (orderId: number) => t.models.payment.Refund.findAll({ where: { orderId } });
const stockOf = async (skuId: number) => (await t.models.catalog.Sku.findByPk(skuId))!.getDataValue('stock');
const orderRow = async (id: number) => (await t.models.order.Order.findByPk(id))!.get({ plain: true });

/** A paid-at-WeChat order whose notification was lost, so tests can deliver (or forge) it themselves. */
async function paidSilently(name: string) {
  const { skuId } = await createProduct(t, admin, 5, 2590);
  const b = await buyer(t, name);
  const order = await placeOrder(t, b, skuId);
  const p = await prepay(t, b.token, order.id);
  await t.api('POST', '/sandbox/wechatpay/faults', { body: { dropNotifications: 1 } });
  const paid = await t.api('POST', '/sandbox/wechatpay/pay', { body: { prepayId: p.prepayId } });
  expect(paid.status).toBe(200);
  return { b, order, skuId, body: transactionNotification(t, order.orderNo) };
}

const signed = (body: string, mode: 'public_key' | 'certificate', ts?: number) =>
  t.rt.wechatPaySim!.notifier.signedHeaders(body, mode, ts);

describe('paying with WeChat Pay', () => {
  it('prepays with the server-side amount, and the notification moves the order to to_ship', async () => {
    const { skuId } = await createProduct(t, admin, 3, 12000);
    const b = await buyer(t, 'payer1');
    const order = await placeOrder(t, b, skuId);
    const p = await prepay(t, b.token, order.id);
    expect(p).toMatchObject({
      channel: 'wechat',
      signType: 'RSA',
      package: `prepay_id=${p.prepayId}`,
      payableFen: 12000,
    });
    expect(t.rt.wechatPaySim!.ledger.get(order.orderNo).total).toBe(12000);
    // the simulator checks paySign when it is given
    const bad = await t.api('POST', '/sandbox/wechatpay/pay', {
      body: { prepayId: p.prepayId, paySign: p.paySign.replace(/^./, 'A'), timeStamp: p.timeStamp, nonceStr: 'x' },
    });
    expect(bad.status).toBe(400);
    const ok = await t.api('POST', '/sandbox/wechatpay/pay', {
      body: { prepayId: p.prepayId, paySign: p.paySign, timeStamp: p.timeStamp, nonceStr: p.nonceStr },
    });
    expect(ok.status).toBe(200);
    expect(
      await waitFor(
        () => orderStatus(t, b.token, order.id),
        (s) => s === 'to_ship',
      ),
    ).toBe('to_ship');
    const pay = await t.api('GET', `/api/v1/orders/${order.id}/payments`, { token: b.token });
    expect(pay.body.payments).toEqual([expect.objectContaining({ status: 'paid', paidFen: 12000 })]);
    expect((await orderRow(order.id)).paidFen).toBe(12000);
    // paying again is refused
    const again = await t.api('POST', `/api/v1/orders/${order.id}/pay`, {
      token: b.token,
      body: { channel: 'wechat' },
    });
    expect(again.status).toBe(409);
  });

  it('applies a notification replayed 15 times (concurrently, in both signing modes) exactly once', async () => {
    const { b, order, body } = await paidSilently('replay');
    const replies = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        t.api('POST', NOTIFY, { body, headers: signed(body, i % 2 ? 'certificate' : 'public_key') }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(15).fill(204));
    expect(replies.every((r) => r.body === undefined)).toBe(true);
    const rows = await paymentRows(order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.getDataValue('status')).toBe('paid');
    expect((await orderRow(order.id)).paidFen).toBe(order.payableFen);
    expect(await orderStatus(t, b.token, order.id)).toBe('to_ship');
    expect(await refundRows(order.id)).toHaveLength(0);
  });

  it('refuses tampered, stale, forged and probe notifications and changes nothing', async () => {
    const { b, order, body } = await paidSilently('forged');
    const envelope = JSON.parse(body);
    const c = Buffer.from(envelope.resource.ciphertext, 'base64');
    c.writeUInt8(c.readUInt8(3) ^ 1, 3);
    const tampered = JSON.stringify({
      ...envelope,
      resource: { ...envelope.resource, ciphertext: c.toString('base64') },
    });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 360;
    const cases: [string, string, Record<string, string>][] = [
      ['tampered ciphertext (re-signed: only the GCM tag catches it)', tampered, signed(tampered, 'public_key')],
      ['body changed after signing', body.replace('"支付成功"', '"支付成功 "'), signed(body, 'public_key')],
      ['stale timestamp', body, signed(body, 'public_key', sixMinutesAgo)],
      ['probe', body, { ...signed(body, 'certificate'), 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/abc' }],
      ['unknown serial', body, { ...signed(body, 'public_key'), 'Wechatpay-Serial': 'PUB_KEY_ID_0000' }],
      ['no signature', body, { 'content-type': 'application/json' }],
    ];
    for (const [name, sent, headers] of cases) {
      const res = await t.api('POST', NOTIFY, { body: sent, headers });
      expect([name, res.status >= 400 && res.status < 500]).toEqual([name, true]);
      expect(res.body).toMatchObject({ code: 'FAIL' });
    }
    expect((await paymentRows(order.id))[0]!.getDataValue('status')).toBe('created');
    expect(await orderStatus(t, b.token, order.id)).toBe('pending_payment');
    // the genuine one still works afterwards
    const real = await t.api('POST', NOTIFY, { body, headers: signed(body, 'certificate') });
    expect(real.status).toBe(204);
    expect(await orderStatus(t, b.token, order.id)).toBe('to_ship');
  });

  it('cancel racing payment: each order ends paid and kept, or cancelled with its stock back and nothing charged', async () => {
    const { skuId } = await createProduct(t, admin, 20, 1000);
    const b = await buyer(t, 'racer');
    const orders = [];
    for (let i = 0; i < 10; i++) {
      const o = await placeOrder(t, b, skuId);
      orders.push({ ...o, prepayId: (await prepay(t, b.token, o.id)).prepayId });
    }
    await Promise.all(
      orders.flatMap((o) => [
        t.api('POST', `/api/v1/orders/${o.id}/cancel`, { token: b.token, body: {} }),
        t.api('POST', '/sandbox/wechatpay/pay', { body: { prepayId: o.prepayId } }),
      ]),
    );
    await new Promise((r) => setTimeout(r, 1500)); // let notifications land
    let kept = 0;
    for (const o of orders) {
      const row = await orderRow(o.id);
      const trade = t.rt.wechatPaySim!.ledger.get(o.orderNo);
      if (row.status === 'cancelled') {
        expect(trade.trade_state).toBe('CLOSED'); // closed before the cancel, so nobody could pay it
      } else {
        expect(row.status).toBe('to_ship');
        expect(trade.trade_state).toBe('SUCCESS');
        expect(row.paidFen).toBe(o.payableFen);
        kept++;
      }
    }
    expect(await stockOf(skuId)).toBe(20 - kept);
  });

  it('a payment that lands on a cancelled order is refunded automatically and recorded', async () => {
    const { skuId } = await createProduct(t, admin, 5, 3300);
    const b = await buyer(t, 'late');
    const order = await placeOrder(t, b, skuId);
    await prepay(t, b.token, order.id);
    const cancel = await t.api('POST', `/api/v1/orders/${order.id}/cancel`, { token: b.token, body: {} });
    expect(cancel.body.status).toBe('cancelled');
    expect(await stockOf(skuId)).toBe(5);
    // the bank confirms after the close: WeChat notifies anyway
    t.rt.wechatPaySim!.ledger.settleLate(order.orderNo);
    const body = transactionNotification(t, order.orderNo);
    for (let i = 0; i < 3; i++) {
      expect((await t.api('POST', NOTIFY, { body, headers: signed(body, 'public_key') })).status).toBe(204);
    }
    const refunds = await waitFor(
      () => refundRows(order.id),
      (rs) => rs.length === 1 && rs[0]!.getDataValue('status') === 'succeeded',
    );
    expect(
      refunds.map((r) => [r.getDataValue('reason'), r.getDataValue('amountFen'), r.getDataValue('status')]),
    ).toEqual([['late_payment', 3300 + 800, 'succeeded']]);
    expect(t.rt.wechatPaySim!.ledger.get(order.orderNo).refunded).toBe(4100);
    expect((await orderRow(order.id)).status).toBe('cancelled');
    expect(await stockOf(skuId)).toBe(5);
  });

  it('the cancel-unpaid-orders job closes the WeChat order first, so it cannot be paid afterwards', async () => {
    const { skuId } = await createProduct(t, admin, 2, 1500);
    const b = await buyer(t, 'timeout');
    const order = await placeOrder(t, b, skuId);
    const p = await prepay(t, b.token, order.id);
    await t.api('POST', '/sandbox/clock', { body: { advanceMs: 31 * 60_000 } });
    expect((await t.api('POST', '/sandbox/jobs/cancel-unpaid-orders/run')).status).toBe(200);
    expect(await orderStatus(t, b.token, order.id)).toBe('cancelled');
    expect(t.rt.wechatPaySim!.ledger.get(order.orderNo).trade_state).toBe('CLOSED');
    const late = await t.api('POST', '/sandbox/wechatpay/pay', { body: { prepayId: p.prepayId } });
    expect(late.status).toBe(409);
    expect(await stockOf(skuId)).toBe(2);
  });

  it('the payment-query job applies a payment whose notification never came', async () => {
    const { b, order } = await paidSilently('lost');
    await t.api('POST', '/sandbox/clock', { body: { advanceMs: 2 * 60_000 } });
    const run = await t.api('POST', '/sandbox/jobs/query-unconfirmed-payments/run');
    expect(run.body.result).toMatchObject({ applied: 1 });
    expect(await orderStatus(t, b.token, order.id)).toBe('to_ship');
  });

  it('ships, confirms receipt, and auto-confirms 7 days after shipping', async () => {
    const { skuId } = await createProduct(t, admin, 5, 10000);
    const b = await buyer(t, 'receipt');
    const [o1, o2] = [await placeOrder(t, b, skuId), await placeOrder(t, b, skuId)];
    for (const o of [o1, o2]) {
      expect(await payAndSettle(t, b.token, o.id)).toBe('to_ship');
      const ship = await t.api('POST', `/api/admin/v1/orders/${o.id}/ship`, {
        token: admin,
        body: { carrier: '顺丰', trackingNo: `SF${o.id}` },
      });
      expect(ship.body.status).toBe('shipped');
    }
    const confirm = await t.api('POST', `/api/v1/orders/${o1.id}/confirm-receipt`, { token: b.token });
    expect(confirm.body.status).toBe('completed');
    await t.api('POST', '/sandbox/clock', { body: { advanceMs: 7 * 86_400_000 + 60_000 } });
    const run = await t.api('POST', '/sandbox/jobs/auto-confirm-receipts/run');
    expect(run.status).toBe(200);
    expect(await orderStatus(t, b.token, o2.id)).toBe('completed');
    const list = await t.api('GET', '/api/v1/orders?status=completed', { token: b.token });
    expect(list.body.items.map((i: { id: number }) => i.id).sort()).toEqual([o1.id, o2.id].sort());
  });

  it("another user's order is a 404 on every order endpoint", async () => {
    const { skuId } = await createProduct(t, admin, 5, 1000);
    const owner = await buyer(t, 'owner');
    const other = await buyer(t, 'snoop');
    const order = await placeOrder(t, owner, skuId);
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/v1/orders/${order.id}`],
      ['GET', `/api/v1/orders/${order.id}/payments`],
      ['POST', `/api/v1/orders/${order.id}/pay`, { channel: 'wechat' }],
      ['POST', `/api/v1/orders/${order.id}/cancel`, {}],
      ['POST', `/api/v1/orders/${order.id}/confirm-receipt`, {}],
    ];
    for (const [method, path, body] of calls) {
      const res = await t.api(method, path, { token: other.token, body });
      expect([path, res.status, res.body.error?.code]).toEqual([path, 404, 'ORDER_NOT_FOUND']);
    }
    expect(await orderStatus(t, owner.token, order.id)).toBe('pending_payment');
  });
});

describe('notices to users', () => {
  it('sends WeChat subscribe messages on shipping and on refunds, through the outbox', async () => {
    const { skuId } = await createProduct(t, admin, 5, 6600);
    const b = await buyer(t, 'notified');
    const order = await placeOrder(t, b, skuId);
    await payAndSettle(t, b.token, order.id);
    await t.api('POST', `/api/admin/v1/orders/${order.id}/ship`, {
      token: admin,
      body: { carrier: '京东', trackingNo: 'JD7' },
    });
    const shipped = await waitFor(
      async () => (await t.api('GET', '/sandbox/wechat/messages?touser=notified')).body.items,
      (items: unknown[]) => items.length >= 1,
    );
    expect(shipped[0]).toMatchObject({
      template_id: 'sandbox_order_shipped',
      page: 'subpackages/order/list/index',
      data: { character_string1: { value: order.orderNo }, character_string4: { value: 'JD7' } },
    });
  });
});

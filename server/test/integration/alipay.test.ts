// Alipay end to end on MariaDB + Redis: alipay-sdk → the gateway simulator (RSA2 both ways) → signed form
// notifications → our handler; cancel closes the trade first; refunds go back through alipay.trade.refund.
import { signForm } from '../../src/platform/sandbox/alipay-trades';
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { createProduct, orderStatus, waitFor } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

async function alipayBuyer(name: string) {
  const login = await t.api('POST', '/api/v1/auth/alipay/login', { body: { code: `sim_${name}` } });
  const token = login.body.token as string;
  const addr = await t.api('POST', '/api/v1/addresses', {
    token,
    body: {
      name: '李四',
      phone: '13900139000',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      detail: '科技园 2 号',
    },
  });
  return { token, addressId: addr.body.id as number };
}

async function alipayOrder(name: string, priceFen = 8800) {
  const { skuId } = await createProduct(t, admin, 5, priceFen);
  const b = await alipayBuyer(name);
  const order = await t.api('POST', '/api/v1/orders', {
    token: b.token,
    body: { items: [{ skuId, quantity: 1 }], addressId: b.addressId },
  });
  const pay = await t.api('POST', `/api/v1/orders/${order.body.id}/pay`, {
    token: b.token,
    body: { channel: 'alipay' },
  });
  expect(pay.status).toBe(200);
  expect(pay.body).toMatchObject({ channel: 'alipay', payableFen: priceFen + 800 });
  return { b, skuId, order: order.body, tradeNo: pay.body.tradeNO as string };
}

const notify = (form: Record<string, string>) =>
  t.api('POST', '/api/v1/payments/alipay/notify', {
    body: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

it('pays through trade.create → my.tradePay (simulated) → the signed notification', async () => {
  const { b, order, tradeNo } = await alipayOrder('ali1');
  const paid = await t.api('POST', '/sandbox/alipay/pay', { body: { tradeNo } });
  expect(paid.status).toBe(200);
  expect(
    await waitFor(
      () => orderStatus(t, b.token, order.id),
      (s) => s === 'to_ship',
    ),
  ).toBe('to_ship');
  const payments = await t.api('GET', `/api/v1/orders/${order.id}/payments`, { token: b.token });
  expect(payments.body.payments).toEqual([
    expect.objectContaining({ channel: 'alipay', status: 'paid', paidFen: 9600, transactionId: tradeNo }),
  ]);
});

it('refuses a forged notification and applies a genuine one once, however often it comes', async () => {
  const { b, order, tradeNo } = await alipayOrder('ali2');
  const keys = t.rt.sandboxKeys!;
  const form: Record<string, string> = {
    notify_id: 'n1',
    notify_type: 'trade_status_sync',
    app_id: t.rt.config.alipay.appId,
    charset: 'utf-8',
    version: '1.0',
    sign_type: 'RSA2',
    trade_no: tradeNo,
    out_trade_no: order.orderNo,
    trade_status: 'TRADE_SUCCESS',
    total_amount: '96.00',
    gmt_payment: '2026-11-23 12:00:00',
  };
  const forged = { ...form, sign: signForm(form, keys.alipayApp.privateKey) }; // signed by the wrong key
  const r1 = await notify(forged);
  expect([r1.status, r1.body]).toEqual([400, 'fail']);
  const cheap = { ...form, total_amount: '0.01' };
  const r2 = await notify({ ...cheap, sign: signForm(form, keys.alipayPlatform.privateKey) }); // body changed after signing
  expect(r2.body).toBe('fail');
  expect(await orderStatus(t, b.token, order.id)).toBe('pending_payment');

  const genuine = { ...form, sign: signForm(form, keys.alipayPlatform.privateKey) };
  const replies = await Promise.all(Array.from({ length: 8 }, () => notify(genuine)));
  expect(replies.map((r) => r.body)).toEqual(Array(8).fill('success'));
  expect(await orderStatus(t, b.token, order.id)).toBe('to_ship');
  expect(await t.models.payment.Payment.count({ where: { orderId: order.id, status: 'paid' } })).toBe(1);
});

it('cancel closes the Alipay trade first; an after-sale refunds through alipay.trade.refund', async () => {
  const first = await alipayOrder('ali3');
  const cancel = await t.api('POST', `/api/v1/orders/${first.order.id}/cancel`, { token: first.b.token, body: {} });
  expect(cancel.body.status).toBe('cancelled');
  expect((await t.api('POST', '/sandbox/alipay/pay', { body: { tradeNo: first.tradeNo } })).status).toBe(409);

  const second = await alipayOrder('ali4', 5000);
  await t.api('POST', '/sandbox/alipay/pay', { body: { tradeNo: second.tradeNo } });
  await waitFor(
    () => orderStatus(t, second.b.token, second.order.id),
    (s) => s === 'to_ship',
  );
  const itemId = second.order.items[0].id as number;
  const req = await t.api('POST', `/api/v1/orders/${second.order.id}/after-sales`, {
    token: second.b.token,
    body: { type: 'refund_only', reason: 'no_longer_needed', lines: [{ orderItemId: itemId, quantity: 1 }] },
  });
  expect(req.status).toBe(201);
  await t.api('POST', `/api/admin/v1/after-sales/${req.body.id}/approve`, { token: admin });
  expect(
    await waitFor(
      () => orderStatus(t, second.b.token, second.order.id),
      (s) => s === 'refunded',
    ),
  ).toBe('refunded');
  const refunds = await t.models.payment.Refund.findAll({ where: { orderId: second.order.id } });
  expect(refunds.map((r) => [r.getDataValue('amountFen'), r.getDataValue('status')])).toEqual([[5800, 'succeeded']]);
});

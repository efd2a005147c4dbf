// Starting a payment under concurrency, on MariaDB: racing `POST /orders/{id}/pay` calls on one order all get
// the same prepay (or a clean 409), never a 5xx; and starting a payment racing a cancel never leaves a cancelled
// order whose channel order could still be paid (checked in the WeChat Pay simulator's ledger afterwards).
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyer, createProduct, placeOrder } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const pay = (token: string, orderId: number, channel: 'wechat' | 'alipay' = 'wechat') =>
  t.api('POST', `/api/v1/orders/${orderId}/pay`, { token, body: { channel } });
const cancel = (token: string, orderId: number) =>
  t.api('POST', `/api/v1/orders/${orderId}/cancel`, { token, body: {} });
const orderRow = async (id: number) => (await t.models.order.Order.findByPk(id))!.get({ plain: true });
const paymentRows = async (orderId: number) =>
  (await t.models.payment.Payment.findAll({ where: { orderId } })).map((r) => r.get({ plain: true }));
/** the simulator's trade for an order number, or undefined when WeChat Pay never saw it */
const tradeOf = (orderNo: string) => {
  try {
    return t.rt.wechatPaySim!.ledger.get(orderNo);
  } catch {
    return undefined;
  }
};

describe('starting a payment under concurrency', () => {
  it('10 concurrent pays on one order: one payment row, every answer the same prepay or a 409, never a 5xx', async () => {
    const { skuId } = await createProduct(t, admin, 50, 1990);
    for (let round = 0; round < 3; round++) {
      const b = await buyer(t, `pay-race-${round}`);
      const order = await placeOrder(t, b, skuId);
      const replies = await Promise.all(Array.from({ length: 10 }, () => pay(b.token, order.id)));
      const statuses = replies.map((r) => r.status);
      expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
      for (const r of replies.filter((x) => x.status === 409)) expect(r.body.error.code).toEqual(expect.any(String));
      const prepays = new Set(replies.filter((r) => r.status === 200).map((r) => r.body.prepayId));
      expect(prepays.size).toBe(1);
      const rows = await paymentRows(order.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'created', prepayId: [...prepays][0] });
    }
  });

  it('concurrent pays on both channels at once: one row per channel, no 5xx', async () => {
    const { skuId } = await createProduct(t, admin, 5, 2990);
    const b = await buyer(t, 'pay-race-channels');
    const order = await placeOrder(t, b, skuId);
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) => pay(b.token, order.id, i % 2 ? 'alipay' : 'wechat')),
    );
    expect(replies.filter((r) => r.status >= 500).map((r) => r.body)).toEqual([]);
    const rows = await paymentRows(order.id);
    expect(rows.map((r) => r.channel).sort()).toEqual(['alipay', 'wechat']);
  });

  it('pay racing cancel, 24 times: never a cancelled order whose channel order could still be paid, never a 5xx', async () => {
    const { skuId } = await createProduct(t, admin, 200, 1000);
    const races: { b: Awaited<ReturnType<typeof buyer>>; order: Awaited<ReturnType<typeof placeOrder>> }[] = [];
    for (let i = 0; i < 24; i++) {
      // a buyer per two orders keeps each under the pay rate limit (30 a minute)
      const b = i % 2 === 0 ? await buyer(t, `pay-cancel-${i}`) : races[i - 1]!.b;
      const order = await placeOrder(t, b, skuId);
      // half the orders were already prepaid once before the race (a payment started before the cancel)
      if (i % 4 < 2) expect((await pay(b.token, order.id)).status).toBe(200);
      races.push({ b, order });
    }
    const replies = await Promise.all(
      races.flatMap(({ b, order }, i) => {
        const pays = Array.from({ length: 3 }, () => pay(b.token, order.id));
        const c = new Promise((r) => setTimeout(r, i % 3)).then(() => cancel(b.token, order.id));
        return [...pays, c];
      }),
    );
    expect(replies.filter((r) => r.status >= 500).map((r) => [r.status, r.body])).toEqual([]);
    let cancelled = 0;
    for (const { order } of races) {
      const row = await orderRow(order.id);
      const trade = tradeOf(order.orderNo);
      if (row.status === 'cancelled') {
        cancelled++;
        // the channel either never saw it or has it closed: nobody can pay a cancelled order
        expect([order.orderNo, trade?.trade_state ?? 'NONE']).toEqual([
          order.orderNo,
          expect.stringMatching(/^(NONE|CLOSED)$/),
        ]);
        for (const p of await paymentRows(order.id)) expect(p.status).toBe('closed');
      } else {
        expect(row.status).toBe('pending_payment');
      }
    }
    expect(cancelled).toBeGreaterThan(0);
  });

  it('refuses to start a payment on a cancelled or expired order with a 409', async () => {
    const { skuId } = await createProduct(t, admin, 5, 1500);
    const b = await buyer(t, 'pay-after-cancel');
    const gone = await placeOrder(t, b, skuId);
    expect((await cancel(b.token, gone.id)).status).toBe(200);
    const refused = await pay(b.token, gone.id);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'ORDER_NOT_PAYABLE']);
    expect(await paymentRows(gone.id)).toEqual([]);
    expect(tradeOf(gone.orderNo)).toBeUndefined();

    const late = await placeOrder(t, b, skuId);
    await t.api('POST', '/sandbox/clock', { body: { advanceMs: 31 * 60_000 } });
    const expired = await pay(b.token, late.id);
    expect([expired.status, expired.body.error.code]).toEqual([409, 'ORDER_PAYMENT_EXPIRED']);
    expect(tradeOf(late.orderNo)).toBeUndefined();
  });
});

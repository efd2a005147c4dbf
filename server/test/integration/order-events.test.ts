// Order events end to end on MariaDB + Redis: a module that only listens (added to the list, as a later module
// would be) sees every step of an order's life in the transaction that caused it, and the same events durably
// after commit through the outbox, with the per-line after-sale refund.
import { onEvent, onEventDurably, type DomainEvents } from '../../src/kit/events';
import type { AnyModule } from '../../src/kit/registry';
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { setReturnAddress } from '../support/after-sales';
import { buyer, createProduct, orderStatus, payAndSettle, placeOrder, waitFor } from '../support/shop';

type Seen = { event: keyof DomainEvents; orderId: number; extra?: unknown };
const inTx: Seen[] = [];
const durable: Seen[] = [];

const EVENTS = [
  'order.placed',
  'order.paid',
  'order.cancelled',
  'order.shipped',
  'order.completed',
  'order.refunded',
  'after_sale.refunded',
] as const;

/** The facts worth comparing per event (the rest are ids and numbers checked elsewhere). */
function extra(event: string, payload: object): unknown {
  const e = payload as Record<string, unknown>;
  if (event === 'order.refunded') return { whole: e.whole, amountFen: e.amountFen };
  if (event === 'after_sale.refunded') return { lines: e.lines };
  if (event === 'order.paid') return { status: e.status };
  return undefined;
}

const listener: AnyModule = {
  name: 'listener',
  create: () => ({
    api: {},
    subscriptions: EVENTS.flatMap((event) => [
      onEvent(event, async (_t, e) => void inTx.push({ event, orderId: e.orderId, extra: extra(event, e) })),
      onEventDurably(event, 'listener', async (e) => {
        durable.push({ event, orderId: e.orderId, extra: extra(event, e) });
      }),
    ]),
  }),
};

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer({ extraModules: [listener] });
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const of = (list: Seen[], orderId: number) => list.filter((s) => s.orderId === orderId);

it('follows an order from placed to a partial after-sale refund, in the transaction and through the outbox', async () => {
  const { skuId } = await createProduct(t, admin, 10, 3000);
  const b = await buyer(t, 'events');
  const order = await placeOrder(t, b, skuId, 2); // 6000 + 800 shipping
  expect(await payAndSettle(t, b.token, order.id)).toBe('to_ship');
  const shipped = await t.api('POST', `/api/admin/v1/orders/${order.id}/ship`, {
    token: admin,
    body: { carrier: 'SF', trackingNo: 'SF1001' },
  });
  expect(shipped.body.status).toBe('shipped');
  await t.api('POST', `/api/v1/orders/${order.id}/confirm-receipt`, { token: b.token, body: {} });
  expect(await orderStatus(t, b.token, order.id)).toBe('completed');
  const itemId = (await t.models.order.OrderItem.findOne({ where: { orderId: order.id } }))!.getDataValue('id');
  const request = await t.api('POST', `/api/v1/orders/${order.id}/after-sales`, {
    token: b.token,
    body: { type: 'return_refund', reason: 'damaged', lines: [{ orderItemId: itemId, quantity: 1 }] },
  });
  expect(request.status).toBe(201);
  await setReturnAddress(t, admin);
  await t.api('POST', `/api/admin/v1/after-sales/${request.body.id}/approve`, { token: admin });
  await t.api('POST', `/api/v1/after-sales/${request.body.id}/return`, {
    token: b.token,
    body: { carrier: 'SF', trackingNo: 'SF2002' },
  });
  await t.api('POST', `/api/admin/v1/after-sales/${request.body.id}/receive`, { token: admin });

  const expected: Seen[] = [
    { event: 'order.placed', orderId: order.id },
    { event: 'order.paid', orderId: order.id, extra: { status: 'to_ship' } },
    { event: 'order.shipped', orderId: order.id },
    { event: 'order.completed', orderId: order.id },
    { event: 'order.refunded', orderId: order.id, extra: { whole: false, amountFen: 3000 } },
    {
      event: 'after_sale.refunded',
      orderId: order.id,
      extra: { lines: [{ orderItemId: itemId, quantity: 1, amountFen: 3000 }] },
    },
  ];
  await waitFor(
    async () => of(durable, order.id).length,
    (n) => n >= expected.length,
    15_000,
  );
  expect(of(inTx, order.id)).toEqual(expected);
  expect([...of(durable, order.id)].sort((a, b) => a.event.localeCompare(b.event))).toEqual(
    [...expected].sort((a, b) => a.event.localeCompare(b.event)),
  );
});

it('publishes order.cancelled once, and a rolled-back cancel publishes nothing durable', async () => {
  const { skuId } = await createProduct(t, admin, 5, 1000);
  const b = await buyer(t, 'events-cancel');
  const order = await placeOrder(t, b, skuId, 1);
  const cancels = await Promise.all(
    [1, 2, 3].map(() => t.api('POST', `/api/v1/orders/${order.id}/cancel`, { token: b.token, body: {} })),
  );
  expect(cancels.every((c) => c.body.status === 'cancelled')).toBe(true);
  await waitFor(
    async () => of(durable, order.id).length,
    (n) => n >= 2,
  );
  await new Promise((r) => setTimeout(r, 1500));
  expect(of(inTx, order.id).map((s) => s.event)).toEqual(['order.placed', 'order.cancelled']);
  expect(
    of(durable, order.id)
      .map((s) => s.event)
      .sort(),
  ).toEqual(['order.cancelled', 'order.placed']);
});

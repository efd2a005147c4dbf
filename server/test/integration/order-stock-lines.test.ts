// Stock for an order of many lines is taken in one statement, all or nothing. Racing multi-line orders never
// oversell any SKU, never deadlock, and a shortfall names the short line and leaves every other line's stock as
// it was.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyer, createProduct } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const stockOf = async (skuId: number) => Number((await t.models.catalog.Sku.findByPk(skuId))!.getDataValue('stock'));

it('60 concurrent buyers of 2×A + 1×B (A has 20) in either line order: exactly 10 orders, A 0, B 90', async () => {
  const a = await createProduct(t, admin, 20);
  const b = await createProduct(t, admin, 100);
  const buyers = await Promise.all(Array.from({ length: 60 }, (_, i) => buyer(t, `lines${i}`)));
  const results = await Promise.all(
    buyers.map((u, i) => {
      const lines = [
        { skuId: a.skuId, quantity: 2 },
        { skuId: b.skuId, quantity: 1 },
      ];
      return t.api('POST', '/api/v1/orders', {
        token: u.token,
        body: { items: i % 2 ? lines.reverse() : lines, addressId: u.addressId },
      });
    }),
  );
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s === 201)).toHaveLength(10);
  expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]); // no deadlock surfaced as a 500
  for (const r of results.filter((x) => x.status === 409)) {
    expect(r.body.error).toMatchObject({ code: 'STOCK_INSUFFICIENT', details: { skuId: a.skuId } });
  }
  expect(await stockOf(a.skuId)).toBe(0);
  expect(await stockOf(b.skuId)).toBe(90);
  const lines = await t.models.order.OrderItem.findAll({ where: { skuId: [a.skuId, b.skuId] } });
  expect(
    lines.filter((l) => l.getDataValue('skuId') === a.skuId).reduce((n, l) => n + l.getDataValue('quantity'), 0),
  ).toBe(20);
});

it('a shortfall on one line of three names that line and changes no stock', async () => {
  const [x, y, z] = [
    await createProduct(t, admin, 5),
    await createProduct(t, admin, 3),
    await createProduct(t, admin, 5),
  ];
  const u = await buyer(t, 'short-line');
  const res = await t.api('POST', '/api/v1/orders', {
    token: u.token,
    body: {
      items: [
        { skuId: x.skuId, quantity: 1 },
        { skuId: y.skuId, quantity: 4 },
        { skuId: z.skuId, quantity: 5 },
      ],
      addressId: u.addressId,
    },
  });
  expect(res.status).toBe(409);
  expect(res.body.error).toMatchObject({ code: 'STOCK_INSUFFICIENT', details: { skuId: y.skuId, requested: 4 } });
  expect([await stockOf(x.skuId), await stockOf(y.skuId), await stockOf(z.skuId)]).toEqual([5, 3, 5]);
  expect(await t.models.order.Order.count({ where: { userId: u.userId } })).toBe(0);
});

it('an order of 20 SKUs stores 20 lines with their own ids, in the order they were priced', async () => {
  const skus = [];
  for (let i = 0; i < 20; i++) skus.push(await createProduct(t, admin, 10, 100 + i));
  const u = await buyer(t, 'twenty-lines');
  const res = await t.api('POST', '/api/v1/orders', {
    token: u.token,
    body: { items: skus.map((s) => ({ skuId: s.skuId, quantity: 1 })), addressId: u.addressId },
  });
  expect(res.status).toBe(201);
  const items = res.body.items as { id: number; skuId: number; unitPriceFen: number }[];
  expect(items).toHaveLength(20);
  expect(new Set(items.map((i) => i.id)).size).toBe(20);
  const stored = await t.models.order.OrderItem.findAll({ where: { orderId: res.body.id } });
  for (const item of items) {
    const row = stored.find((r) => r.getDataValue('id') === item.id)!;
    expect(row.getDataValue('skuId')).toBe(item.skuId);
    expect(row.getDataValue('unitPriceFen')).toBe(item.unitPriceFen);
  }
  for (const s of skus) expect(await stockOf(s.skuId)).toBe(9);
});

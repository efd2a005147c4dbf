// The cart on MariaDB: merge, change, select, remove; live prices; stale lines flagged; owners only; races.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyer, createProduct } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

it('adds, merges, changes, selects and removes lines, pricing from the catalog', async () => {
  const a = await createProduct(t, admin, 10, 1990);
  const b = await createProduct(t, admin, 10, 500);
  const u = await buyer(t, 'carter');
  await t.api('POST', '/api/v1/cart/items', { token: u.token, body: { skuId: a.skuId, quantity: 2, priceFen: 1 } });
  await t.api('POST', '/api/v1/cart/items', { token: u.token, body: { skuId: a.skuId, quantity: 1 } });
  const cart = await t.api('POST', '/api/v1/cart/items', { token: u.token, body: { skuId: b.skuId } });
  expect(cart.body).toMatchObject({ selectedCount: 4, selectedTotalFen: 3 * 1990 + 500 });
  const lineA = cart.body.items.find((i: { skuId: number }) => i.skuId === a.skuId);
  expect(lineA).toMatchObject({ quantity: 3, priceFen: 1990, available: true, unavailableReason: null });
  const changed = await t.api('PATCH', `/api/v1/cart/items/${lineA.id}`, {
    token: u.token,
    body: { quantity: 1, selected: false },
  });
  expect(changed.body).toMatchObject({ selectedCount: 1, selectedTotalFen: 500 });
  const all = await t.api('POST', '/api/v1/cart/select', { token: u.token, body: { selected: true } });
  expect(all.body.selectedTotalFen).toBe(1990 + 500);
  const removed = await t.api('DELETE', `/api/v1/cart/items/${lineA.id}`, { token: u.token });
  expect(removed.body.items).toHaveLength(1);
});

it('flags lines whose SKU went off shelf or ran short, instead of dropping them', async () => {
  const p = await createProduct(t, admin, 3, 1000);
  const u = await buyer(t, 'stale');
  await t.api('POST', '/api/v1/cart/items', { token: u.token, body: { skuId: p.skuId, quantity: 2 } });
  await t.models.catalog.Sku.update({ stock: 1 }, { where: { id: p.skuId } });
  let cart = await t.api('GET', '/api/v1/cart', { token: u.token });
  expect(cart.body.items[0]).toMatchObject({ available: false, unavailableReason: 'NOT_ENOUGH_STOCK' });
  expect(cart.body.selectedTotalFen).toBe(0);
  await t.models.catalog.Product.update({ onShelf: false }, { where: { id: p.productId } });
  cart = await t.api('GET', '/api/v1/cart', { token: u.token });
  expect(cart.body.items[0]).toMatchObject({ available: false, unavailableReason: 'OFF_SHELF' });
});

it("another user's line is a 404; bad input is a 400 and changes nothing", async () => {
  const p = await createProduct(t, admin, 3, 1000);
  const owner = await buyer(t, 'cartowner');
  const other = await buyer(t, 'cartsnoop');
  const cart = await t.api('POST', '/api/v1/cart/items', { token: owner.token, body: { skuId: p.skuId } });
  const id = cart.body.items[0].id;
  expect((await t.api('PATCH', `/api/v1/cart/items/${id}`, { token: other.token, body: { quantity: 5 } })).status).toBe(
    404,
  );
  expect((await t.api('DELETE', `/api/v1/cart/items/${id}`, { token: other.token })).status).toBe(404);
  expect(
    (await t.api('POST', '/api/v1/cart/items', { token: owner.token, body: { skuId: p.skuId, quantity: 0 } })).status,
  ).toBe(400);
  expect((await t.api('POST', '/api/v1/cart/items', { token: owner.token, body: { skuId: 999999 } })).status).toBe(404);
  const after = await t.api('GET', '/api/v1/cart', { token: owner.token });
  expect(after.body.items.map((i: { quantity: number }) => i.quantity)).toEqual([1]);
});

it('20 concurrent adds of one SKU make one line with the summed quantity', async () => {
  const p = await createProduct(t, admin, 100, 1000);
  const u = await buyer(t, 'racer');
  const replies = await Promise.all(
    Array.from({ length: 20 }, () =>
      t.api('POST', '/api/v1/cart/items', { token: u.token, body: { skuId: p.skuId, quantity: 2 } }),
    ),
  );
  expect(replies.every((r) => r.status === 200)).toBe(true);
  const rows = await t.models.cart.findAll({ where: { userId: u.userId } });
  expect(rows.map((r) => r.getDataValue('quantity'))).toEqual([40]);
});

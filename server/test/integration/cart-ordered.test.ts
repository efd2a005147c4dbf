// Ordered lines leave the cart in the order's own transaction: only what was ordered, only the buyer's cart; an
// order that fails leaves the cart as it was, and an Idempotency-Key replay takes nothing more.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyer, createProduct } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const add = (token: string, skuId: number, quantity: number) =>
  t.api('POST', '/api/v1/cart/items', { token, body: { skuId, quantity } });
const cartOf = async (token: string) =>
  Object.fromEntries(
    ((await t.api('GET', '/api/v1/cart', { token })).body.items as { skuId: number; quantity: number }[]).map((i) => [
      i.skuId,
      i.quantity,
    ]),
  );

it('an order takes its lines out of the buyer’s cart, keeps the rest, and leaves other carts alone', async () => {
  const a = await createProduct(t, admin, 20, 1990);
  const b = await createProduct(t, admin, 20, 500);
  const c = await createProduct(t, admin, 20, 700);
  const u = await buyer(t, 'cartorder1');
  const other = await buyer(t, 'cartorder2');
  await add(u.token, a.skuId, 2);
  await add(u.token, b.skuId, 3);
  await add(u.token, c.skuId, 1);
  await add(other.token, a.skuId, 2);

  const order = await t.api('POST', '/api/v1/orders', {
    token: u.token,
    headers: { 'Idempotency-Key': 'cart-order-1' },
    body: {
      items: [
        { skuId: a.skuId, quantity: 2 },
        { skuId: b.skuId, quantity: 1 },
      ],
      addressId: u.addressId,
    },
  });
  expect(order.status).toBe(201);
  // a ordered in full: gone; b ordered in part: 2 left; c not ordered: untouched
  expect(await cartOf(u.token)).toEqual({ [b.skuId]: 2, [c.skuId]: 1 });
  expect(await cartOf(other.token)).toEqual({ [a.skuId]: 2 });

  // the same key replays the first order: the cart loses nothing more
  const again = await t.api('POST', '/api/v1/orders', {
    token: u.token,
    headers: { 'Idempotency-Key': 'cart-order-1' },
    body: {
      items: [
        { skuId: a.skuId, quantity: 2 },
        { skuId: b.skuId, quantity: 1 },
      ],
      addressId: u.addressId,
    },
  });
  expect(again.body.id).toBe(order.body.id);
  expect(await cartOf(u.token)).toEqual({ [b.skuId]: 2, [c.skuId]: 1 });
});

it('an order that fails (not enough stock) leaves the cart as it was', async () => {
  const a = await createProduct(t, admin, 5, 1000);
  const short = await createProduct(t, admin, 1, 1000);
  const u = await buyer(t, 'cartorder3');
  await add(u.token, a.skuId, 1);
  await add(u.token, short.skuId, 1);
  await t.models.catalog.Sku.update({ stock: 0 }, { where: { id: short.skuId } });
  const order = await t.api('POST', '/api/v1/orders', {
    token: u.token,
    body: {
      items: [
        { skuId: a.skuId, quantity: 1 },
        { skuId: short.skuId, quantity: 1 },
      ],
      addressId: u.addressId,
    },
  });
  expect(order.status).toBe(409);
  expect(await cartOf(u.token)).toEqual({ [a.skuId]: 1, [short.skuId]: 1 });
});

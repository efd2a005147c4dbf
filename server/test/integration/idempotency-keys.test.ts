// Idempotency-Key as api-contract.md's "Shared rules" have it: any 1–255 printable ASCII characters, compared
// exactly (case-sensitive, on MariaDB's binary column collation), scoped to the user and the endpoint; the same
// key with another request is 422 IDEMPOTENCY_KEY_REUSED; the same key and request answers the first response
// and does nothing else.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyer, createProduct } from '../support/shop';
import { requestFingerprint, withRequestFingerprint } from '../../src/platform/idempotency';

let t: TestServer;
let b: Awaited<ReturnType<typeof buyer>>;
let skuId: number;
let productId: number;

beforeAll(async () => {
  t = await startTestServer();
  const admin = await adminLogin(t);
  ({ skuId, productId } = await createProduct(t, admin, 1000));
  b = await buyer(t, 'idem-buyer');
});
afterAll(() => t.close());

const order = (key: string | undefined, body: unknown = { items: [{ skuId, quantity: 1 }], addressId: b.addressId }) =>
  t.api('POST', '/api/v1/orders', {
    token: b.token,
    body,
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });
const orderCount = () => t.models.order.Order.count({ where: { userId: b.userId } });
const stock = async () => (await t.api('GET', `/api/v1/products/${productId}`)).body.skus[0].stock as number;

describe('key format', () => {
  it.each([
    ['a 6-character key', 'abc123'],
    ['a 1-character key', 'x'],
    ['a 255-character key', 'k'.repeat(255)],
    ['any printable ASCII, spaces and punctuation included', 'Key with spaces/=+:;"!~{}[]<>?.,`'],
    ['a UUID', '0c8e2c43-5a5e-4d2b-9c55-2a0b6f8f5a11'],
  ])('accepts %s, and answers its repeat with the first response', async (_what, key) => {
    const first = await order(key);
    expect(first.status).toBe(201);
    const before = await orderCount();
    const again = await order(key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await orderCount()).toBe(before);
  });

  it.each([
    ['256 characters', 'k'.repeat(256)],
    ['a non-ASCII character', 'clé-été'],
  ])('refuses %s with 400 IDEMPOTENCY_KEY_INVALID', async (_what, key) => {
    const res = await order(key);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });
});

describe('matching', () => {
  it('is exact: keys differing only in case are different keys', async () => {
    const upper = await order('Order-Key-CASE');
    const lower = await order('order-key-case');
    expect(upper.status).toBe(201);
    expect(lower.status).toBe(201);
    expect(lower.body.id).not.toBe(upper.body.id);
  });

  it('is exact: keys differing only in a trailing space are different keys (no PAD SPACE collation)', async () => {
    // HTTP trims header values, so this is the store's own comparison
    const run = (key: string) => t.rt.idempotency.run(b.userId, 'test.pad', key, async () => key);
    await expect(run('pad-key')).resolves.toBe('pad-key');
    await expect(run('pad-key ')).resolves.toBe('pad-key ');
    await expect(run('PAD-KEY')).resolves.toBe('PAD-KEY');
  });

  it('the same key with another body is 422 IDEMPOTENCY_KEY_REUSED, and nothing is done', async () => {
    const first = await order('reuse-key-1');
    expect(first.status).toBe(201);
    const [count, left] = [await orderCount(), await stock()];
    const other = await order('reuse-key-1', { items: [{ skuId, quantity: 2 }], addressId: b.addressId });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(typeof other.body.error.message).toBe('string');
    expect([await orderCount(), await stock()]).toEqual([count, left]);
  });

  it('the same body written differently (key order, spacing) is the same request', async () => {
    const first = await order('canonical-key', { addressId: b.addressId, items: [{ quantity: 1, skuId }] });
    expect(first.status).toBe(201);
    const again = await t.api('POST', '/api/v1/orders', {
      token: b.token,
      body: `{ "items" : [ { "skuId": ${skuId}, "quantity": 1 } ],\n "addressId": ${b.addressId} }`,
      headers: { 'idempotency-key': 'canonical-key' },
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('is scoped to the user: another user may use the same key', async () => {
    const mine = await order('shared-key-0001');
    const other = await buyer(t, 'idem-other');
    const theirs = await t.api('POST', '/api/v1/orders', {
      token: other.token,
      body: { items: [{ skuId, quantity: 1 }], addressId: other.addressId },
      headers: { 'idempotency-key': 'shared-key-0001' },
    });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('racing: the same key and body at once make one order; another body with that key is refused', async () => {
    const count = await orderCount();
    const same = await Promise.all(Array.from({ length: 6 }, () => order('race-key-0001')));
    expect(same.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(same.map((r) => r.body.id)).size).toBe(1);
    expect(await orderCount()).toBe(count + 1);

    const mixed = await Promise.all(
      [1, 2, 1, 2].map((quantity) => order('race-key-0002', { items: [{ skuId, quantity }], addressId: b.addressId })),
    );
    const created = mixed.filter((r) => r.status === 201);
    const refused = mixed.filter((r) => r.status === 422);
    expect(created.length + refused.length).toBe(4);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(refused.every((r) => r.body.error.code === 'IDEMPOTENCY_KEY_REUSED')).toBe(true);
    expect(refused.length).toBe(2);
  });
});

describe('Idempotency.run', () => {
  it('binds a key to the path too: the same key and body on another path of the scope is refused', async () => {
    const run = (path: string) =>
      withRequestFingerprint(
        () => requestFingerprint('POST', path, { reason: 'x' }),
        () => t.rt.idempotency.run(b.userId, 'test.scope', 'path-key-0001', async () => ({ path })),
      );
    await expect(run('/api/v1/orders/1/after-sales')).resolves.toEqual({ path: '/api/v1/orders/1/after-sales' });
    await expect(run('/api/v1/orders/1/after-sales')).resolves.toEqual({ path: '/api/v1/orders/1/after-sales' });
    await expect(run('/api/v1/orders/2/after-sales')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('takes an explicit fingerprint; without a request or a fingerprint the key alone decides', async () => {
    const run = (fingerprint?: string) =>
      t.rt.idempotency.run(b.userId, 'test.scope', 'explicit-key', async () => 'done', { fingerprint });
    await expect(run('a'.repeat(64))).resolves.toBe('done');
    await expect(run('b'.repeat(64))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(run()).resolves.toBe('done');
  });
});

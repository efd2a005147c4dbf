// The same hardening on the embedded engines (SQLite + the in-process Redis stand-in): Idempotency-Key compared
// exactly and bound to its request, security headers, path traversal answered with its own code.
import http from 'node:http';
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyer, createProduct } from '../support/shop';

let t: TestServer;
let b: Awaited<ReturnType<typeof buyer>>;
let skuId: number;

beforeAll(async () => {
  t = await startTestServer({ mode: 'embedded' });
  ({ skuId } = await createProduct(t, await adminLogin(t), 100));
  b = await buyer(t, 'embedded-idem');
});
afterAll(() => t.close());

const order = (key: string, quantity = 1) =>
  t.api('POST', '/api/v1/orders', {
    token: b.token,
    body: { items: [{ skuId, quantity }], addressId: b.addressId },
    headers: { 'idempotency-key': key },
  });

it('Idempotency-Key: short keys work, case matters, another body is 422 IDEMPOTENCY_KEY_REUSED', async () => {
  const first = await order('abc123');
  expect(first.status).toBe(201);
  expect((await order('abc123')).body).toEqual(first.body);
  const upper = await order('ABC123');
  expect(upper.status).toBe(201);
  expect(upper.body.id).not.toBe(first.body.id);
  const reused = await order('abc123', 2);
  expect({ status: reused.status, code: reused.body.error?.code }).toEqual({
    status: 422,
    code: 'IDEMPOTENCY_KEY_REUSED',
  });
});

it('security headers on the API, and path traversal is 400 PATH_TRAVERSAL', async () => {
  const res = await t.api('GET', '/api/v1/products');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('cache-control')).toBe('no-store');
  const url = new URL(t.baseUrl);
  const traversal = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get({ host: url.hostname, port: url.port, path: '/uploads/..%2f..%2fjwt-secret' }, (r) => {
        let body = '';
        r.on('data', (c) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode!, body }));
      })
      .on('error', reject);
  });
  expect(traversal.status).toBe(400);
  expect(JSON.parse(traversal.body).error.code).toBe('PATH_TRAVERSAL');
});

// Hot public reads come from the instance's memory (≤ READ_CACHE_MS, 1 s): a cache hit runs no SQL and no Redis
// command, a stampede loads once, and this instance's own writes (orders, cancellations, shelf) show at once.
import http from 'node:http';
import zlib from 'node:zlib';
import type { Sequelize } from 'sequelize';
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyer, createProduct, placeOrder } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

/** counts the SQL statements and Redis commands the app sends while `work` runs */
async function traffic(work: () => Promise<unknown>): Promise<{ sql: string[]; redis: string[] }> {
  const sql: string[] = [];
  const redis: string[] = [];
  const sequelize = t.rt.sequelize as Sequelize;
  const onQuery = (_options: unknown, query: { sql?: string }) => void sql.push(String(query?.sql ?? '?'));
  sequelize.addHook('afterQuery', 'count', onQuery as never);
  const send = jest.spyOn(t.rt.redis, 'sendCommand'); // calls through, recording each command
  try {
    await work();
  } finally {
    sequelize.removeHook('afterQuery', 'count');
    redis.push(...send.mock.calls.map((call) => (call[0] as { name: string }).name));
    send.mockRestore();
  }
  return { sql, redis };
}

const detail = (id: number) => t.api('GET', `/api/v1/products/${id}`);

it('a product page read again within the second touches neither SQL nor Redis', async () => {
  const { productId } = await createProduct(t, admin, 10);
  const first = await traffic(async () => expect((await detail(productId)).status).toBe(200));
  expect(first.sql.length).toBeGreaterThan(0); // the load (and proof that the counting sees traffic)
  expect(first.redis.length).toBeGreaterThan(0);
  const again = await traffic(async () => {
    for (let i = 0; i < 20; i++) expect((await detail(productId)).body.id).toBe(productId);
  });
  expect(again.sql).toEqual([]);
  expect(again.redis).toEqual([]);
});

it('a stampede of 100 on a cold page loads it once', async () => {
  const { productId } = await createProduct(t, admin, 10);
  const seen = await traffic(() => Promise.all(Array.from({ length: 100 }, () => detail(productId))));
  const loads = seen.sql.filter((s) => /FROM `?products`? p LEFT JOIN/.test(s));
  expect(loads).toHaveLength(1);
});

it("this instance's orders, cancellations and shelf changes show at once", async () => {
  const { productId, skuId } = await createProduct(t, admin, 10);
  expect((await detail(productId)).body.skus[0].stock).toBe(10);
  const b = await buyer(t, 'hot-reads-buyer');
  const order = await placeOrder(t, b, skuId, 3);
  expect((await detail(productId)).body.skus[0].stock).toBe(7);
  const cancelled = await t.api('POST', `/api/v1/orders/${order.id}/cancel`, { token: b.token });
  expect(cancelled.status).toBe(200);
  expect((await detail(productId)).body.skus[0].stock).toBe(10);

  const listed = async () =>
    ((await t.api('GET', '/api/v1/products?page=1&pageSize=50')).body.items as { id: number }[]).some(
      (p) => p.id === productId,
    );
  expect(await listed()).toBe(true);
  const off = await t.api('POST', `/api/admin/v1/products/${productId}/shelf`, {
    token: admin,
    body: { onShelf: false },
  });
  expect(off.status).toBe(200);
  expect((await detail(productId)).status).toBe(404);
  expect(await listed()).toBe(false);
});

it('a write made elsewhere (another instance, straight SQL) shows once the second is over', async () => {
  const { productId, skuId } = await createProduct(t, admin, 10);
  expect((await detail(productId)).body.skus[0].stock).toBe(10);
  await t.rt.sequelize.query('UPDATE skus SET stock = 4 WHERE id = ?', { replacements: [skuId] });
  await new Promise((r) => setTimeout(r, 1100)); // READ_CACHE_MS is 1000
  expect((await detail(productId)).body.skus[0].stock).toBe(4);
});

it('a cached page is compressed once per load, for every client that accepts brotli or gzip', async () => {
  const created = await t.api('POST', '/api/admin/v1/products', {
    token: admin,
    body: { title: '长描述商品', description: '新鲜直达'.repeat(400), skus: [{ priceFen: 990, stock: 5 }] },
  });
  const productId = created.body.id as number;
  const brotli = jest.spyOn(zlib, 'brotliCompressSync');
  try {
    const plain = await getRaw(`/api/v1/products/${productId}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const expected = JSON.parse(plain.body.toString('utf8'));
    for (let i = 0; i < 5; i++) {
      const res = await getRaw(`/api/v1/products/${productId}`, 'gzip;q=0.8, br');
      expect(res.headers['content-encoding']).toBe('br');
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
      expect(JSON.parse(zlib.brotliDecompressSync(res.body).toString('utf8'))).toEqual(expected);
    }
    const gzip = await getRaw(`/api/v1/products/${productId}`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gzip.body).toString('utf8'))).toEqual(expected);
    expect(brotli).toHaveBeenCalledTimes(1);
  } finally {
    brotli.mockRestore();
  }
});

/** a GET whose body is returned as sent on the wire (fetch would negotiate and decode on its own) */
function getRaw(p: string, acceptEncoding?: string) {
  const headers: Record<string, string> = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(new URL(p, t.baseUrl), { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

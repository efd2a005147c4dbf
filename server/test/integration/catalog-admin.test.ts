// Catalog administration on MariaDB + Redis: two-level categories, the SKU matrix edit (ids kept, removed SKUs
// disabled, stock edits that respect racing orders), shelf, uploads sniffed by content, the detail cache dropped
// on every edit, search sorted by price and sales.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyer, payAndSettle, placeOrder } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function upload(bytes: Uint8Array, name: string, type: string, token = admin) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${t.baseUrl}/api/admin/v1/uploads/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function product(skus: { specs: Record<string, string>; priceFen: number; stock: number }[], title = '编辑测试') {
  const res = await t.api('POST', '/api/admin/v1/products', { token: admin, body: { title, skus } });
  expect(res.status).toBe(201);
  return res.body as { id: number; skus: { id: number }[] };
}

it('keeps categories to two levels and refuses deleting one that is in use', async () => {
  const top = await t.api('POST', '/api/admin/v1/categories', { token: admin, body: { name: '生鲜', sort: 1 } });
  expect(top.status).toBe(201);
  const child = await t.api('POST', '/api/admin/v1/categories', {
    token: admin,
    body: { name: '水果', parentId: top.body.id },
  });
  expect(child.status).toBe(201);
  const third = await t.api('POST', '/api/admin/v1/categories', {
    token: admin,
    body: { name: '苹果', parentId: child.body.id },
  });
  expect(third).toMatchObject({ status: 400, body: { error: { code: 'CATEGORY_TOO_DEEP' } } });
  // a category with children cannot become a child itself
  const other = await t.api('POST', '/api/admin/v1/categories', { token: admin, body: { name: '日用' } });
  const move = await t.api('PATCH', `/api/admin/v1/categories/${top.body.id}`, {
    token: admin,
    body: { parentId: other.body.id },
  });
  expect(move.body.error.code).toBe('CATEGORY_TOO_DEEP');
  expect((await t.api('DELETE', `/api/admin/v1/categories/${top.body.id}`, { token: admin })).body.error.code).toBe(
    'CATEGORY_HAS_CHILDREN',
  );
  const renamed = await t.api('PATCH', `/api/admin/v1/categories/${child.body.id}`, {
    token: admin,
    body: { name: '时令水果' },
  });
  expect(renamed.body).toMatchObject({ name: '时令水果', parentId: top.body.id });
  const listed = await t.api('GET', '/api/admin/v1/categories', { token: admin });
  expect(listed.body.items.find((c: { id: number }) => c.id === top.body.id)).toMatchObject({ childCount: 1 });
  expect((await t.api('DELETE', `/api/admin/v1/categories/${other.body.id}`, { token: admin })).body).toEqual({
    ok: true,
  });
  const consumer = await t.api('GET', '/api/v1/categories');
  expect(consumer.body.items.map((c: { name: string }) => c.name)).toContain('时令水果');
});

it('edits the SKU matrix: keeps ids, adds, disables removed SKUs (old orders still read), drops the cache', async () => {
  const p = await product([
    { specs: { 颜色: '红' }, priceFen: 1000, stock: 5 },
    { specs: { 颜色: '蓝' }, priceFen: 1200, stock: 5 },
  ]);
  const [red, blue] = p.skus.map((s) => s.id) as [number, number];
  const u = await buyer(t, 'matrix');
  const order = await placeOrder(t, u, blue, 1);
  // the consumer detail is now cached
  expect((await t.api('GET', `/api/v1/products/${p.id}`)).body.skus).toHaveLength(2);
  const edited = await t.api('PUT', `/api/admin/v1/products/${p.id}`, {
    token: admin,
    body: {
      title: '编辑后的标题',
      skus: [
        { id: red, specs: { 颜色: '红' }, priceFen: 900, stock: 8, expectedStock: 5 },
        { specs: { 颜色: '绿' }, priceFen: 1500, stock: 3 },
      ],
    },
  });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({
    title: '编辑后的标题',
    priceFen: 900,
    specs: [{ name: '颜色', values: ['红', '绿'] }],
  });
  expect(edited.body.skus.map((s: { id: number }) => s.id)).toContain(red);
  expect(edited.body.skus.map((s: { id: number }) => s.id)).not.toContain(blue);
  const detail = await t.api('GET', `/api/v1/products/${p.id}`);
  expect(detail.body.title).toBe('编辑后的标题');
  expect(detail.body.skus.map((s: { specs: Record<string, string> }) => s.specs.颜色)).toEqual(['红', '绿']);
  expect(detail.body.skus[0]).toMatchObject({ id: red, priceFen: 900, stock: 8 });
  // the order on the removed SKU still reads, and a new order on it is refused
  expect((await t.api('GET', `/api/v1/orders/${order.id}`, { token: u.token })).status).toBe(200);
  const again = await t.api('POST', '/api/v1/orders', {
    token: u.token,
    body: { items: [{ skuId: blue, quantity: 1 }], addressId: u.addressId },
  });
  expect(again.status).toBeGreaterThanOrEqual(400);
  expect(again.status).toBeLessThan(500);
  // an id from another product is refused and nothing changes
  const foreign = await product([{ specs: {}, priceFen: 100, stock: 1 }], '别的商品');
  const bad = await t.api('PUT', `/api/admin/v1/products/${p.id}`, {
    token: admin,
    body: { title: '不该生效', skus: [{ id: foreign.skus[0]!.id, specs: { 颜色: '红' }, priceFen: 1 }] },
  });
  expect(bad.body.error.code).toBe('SKU_NOT_IN_PRODUCT');
  expect((await t.api('GET', `/api/admin/v1/products/${p.id}`, { token: admin })).body.title).toBe('编辑后的标题');
});

it('applies a stock edit as a difference, so units reserved meanwhile stay reserved', async () => {
  const p = await product([{ specs: {}, priceFen: 500, stock: 10 }]);
  const sku = p.skus[0]!.id;
  const shown = (await t.api('GET', `/api/admin/v1/products/${p.id}`, { token: admin })).body.skus[0].stock;
  const u = await buyer(t, 'stockedit');
  await placeOrder(t, u, sku, 2); // 2 reserved while the operator types
  const res = await t.api('PUT', `/api/admin/v1/products/${p.id}`, {
    token: admin,
    body: { title: '库存', skus: [{ id: sku, specs: {}, priceFen: 500, stock: 15, expectedStock: shown }] },
  });
  expect(res.body.skus[0].stock).toBe(13);
  const take = await t.api('PUT', `/api/admin/v1/products/${p.id}`, {
    token: admin,
    body: { title: '库存', skus: [{ id: sku, specs: {}, priceFen: 500, stock: 0, expectedStock: 20 }] },
  });
  expect(take).toMatchObject({ status: 409, body: { error: { code: 'STOCK_CHANGED' } } });
  expect((await t.models.catalog.Sku.findByPk(sku))!.getDataValue('stock')).toBe(13);
});

it('takes a product off the shelf at once, even with its detail cached', async () => {
  const p = await product([{ specs: {}, priceFen: 500, stock: 10 }], '上下架');
  expect((await t.api('GET', `/api/v1/products/${p.id}`)).status).toBe(200);
  const off = await t.api('POST', `/api/admin/v1/products/${p.id}/shelf`, { token: admin, body: { onShelf: false } });
  expect(off.body).toEqual({ id: p.id, onShelf: false });
  expect((await t.api('GET', `/api/v1/products/${p.id}`)).status).toBe(404);
  const list = await t.api('GET', `/api/v1/products?q=${encodeURIComponent('上下架')}`);
  expect(list.body.total).toBe(0);
  await t.api('POST', `/api/admin/v1/products/${p.id}/shelf`, { token: admin, body: { onShelf: true } });
  expect((await t.api('GET', `/api/v1/products/${p.id}`)).status).toBe(200);
});

it('stores uploads by content under DATA_DIR and serves them; refuses disguised files', async () => {
  const ok = await upload(PNG_1x1, 'a.png', 'image/png');
  expect(ok.status).toBe(201);
  expect(ok.body).toMatchObject({ contentType: 'image/png', size: PNG_1x1.length });
  expect(ok.body.url).toMatch(/^\/uploads\/\d{4}\/\d{2}\/[0-9a-f]{24}\.png$/);
  const served = await fetch(`${t.baseUrl}${ok.body.url}`);
  expect(served.status).toBe(200);
  expect(Buffer.from(await served.arrayBuffer()).equals(PNG_1x1)).toBe(true);
  const svg = await upload(
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
    'x.png',
    'image/png',
  );
  expect(svg).toMatchObject({ status: 400, body: { error: { code: 'IMAGE_TYPE_UNSUPPORTED' } } });
  const big = await upload(Buffer.concat([PNG_1x1, Buffer.alloc(5 * 1024 * 1024)]), 'big.png', 'image/png');
  expect(big.status).toBe(413);
  expect(big.body.error).toBeDefined();
  const u = await buyer(t, 'uploader');
  expect((await upload(PNG_1x1, 'a.png', 'image/png', u.token)).status).toBe(401);
});

it('sorts the shop list by price and by sales (sales counted when paid)', async () => {
  const tag = `排序${Date.now() % 10000}`;
  const cheap = await product([{ specs: {}, priceFen: 300, stock: 10 }], `${tag}便宜`);
  const dear = await product([{ specs: {}, priceFen: 900, stock: 10 }], `${tag}贵`);
  const u = await buyer(t, 'sorter');
  const order = await placeOrder(t, u, dear.skus[0]!.id, 2);
  await payAndSettle(t, u.token, order.id);
  const q = encodeURIComponent(tag);
  const asc = await t.api('GET', `/api/v1/products?q=${q}&sort=price_asc`);
  expect(asc.body.items.map((i: { id: number }) => i.id)).toEqual([cheap.id, dear.id]);
  const desc = await t.api('GET', `/api/v1/products?q=${q}&sort=price_desc`);
  expect(desc.body.items.map((i: { id: number }) => i.id)).toEqual([dear.id, cheap.id]);
  const sales = await t.api('GET', `/api/v1/products?q=${q}&sort=sales`);
  expect(sales.body.items[0].id).toBe(dear.id);
  expect((await t.api('GET', `/api/v1/products/${dear.id}`)).body.sales).toBe(2);
  expect((await t.api('GET', '/api/v1/products?sort=cheapest')).status).toBe(400);
});

it('lists each product at its price tag: the cheapest SKU on sale, 起 only when another SKU on sale costs more', async () => {
  const tag = `标价${Date.now() % 10000}`;
  const mixed = await product(
    [
      { specs: { 规格: '小' }, priceFen: 1000, stock: 0 },
      { specs: { 规格: '中' }, priceFen: 1200, stock: 5 },
      { specs: { 规格: '大' }, priceFen: 1500, stock: 5 },
    ],
    `${tag}三档`,
  );
  const flat = await product(
    [
      { specs: { 颜色: '红' }, priceFen: 800, stock: 5 },
      { specs: { 颜色: '蓝' }, priceFen: 800, stock: 5 },
    ],
    `${tag}同价`,
  );
  const q = encodeURIComponent(tag);
  const shop = await t.api('GET', `/api/v1/products?q=${q}&sort=price_asc`);
  expect(shop.body.items.map((i: any) => [i.id, i.priceFen, i.from])).toEqual([
    [flat.id, 800, false],
    [mixed.id, 1200, true], // the sold-out 小 at ¥10.00 is not on sale: ¥12.00起, not ¥10.00起
  ]);
  const console = await t.api('GET', `/api/admin/v1/products?q=${q}`, { token: admin });
  const rows = new Map(console.body.items.map((r: any) => [r.id, [r.priceFen, r.from]]));
  expect(rows.get(mixed.id)).toEqual([1200, true]);
  expect(rows.get(flat.id)).toEqual([800, false]);
});

it('keeps catalog writes to operators with the right role', async () => {
  const u = await buyer(t, 'nosy');
  expect((await t.api('GET', '/api/admin/v1/categories', { token: u.token })).status).toBe(401);
  expect((await t.api('PUT', '/api/admin/v1/products/1', { token: u.token, body: {} })).status).toBe(401);
  expect((await t.api('GET', '/api/admin/v1/products/999999', { token: admin })).status).toBe(404);
});

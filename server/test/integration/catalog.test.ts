import { adminLogin, startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer({ seedDemo: true });
  admin = await adminLogin(t);
});
afterAll(() => t.close());

describe('catalog (consumer)', () => {
  it('lists on-shelf products with paging, newest first, priced at the cheapest SKU', async () => {
    const page1 = await t.api('GET', '/api/v1/products?page=1&pageSize=10');
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBeGreaterThanOrEqual(20);
    expect(page1.body.items).toHaveLength(10);
    const page3 = await t.api('GET', `/api/v1/products?page=3&pageSize=10`);
    const ids = [...page1.body.items, ...page3.body.items].map((p: { id: number }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const detail = await t.api('GET', `/api/v1/products/${page1.body.items[0].id}`);
    const cheapest = Math.min(...detail.body.skus.map((s: { priceFen: number }) => s.priceFen));
    expect(page1.body.items[0].priceFen).toBe(cheapest);
    expect(Number.isInteger(cheapest)).toBe(true);
  });

  it('searches by keyword (LIKE wildcards are literal) and by category including subcategories', async () => {
    const q = await t.api('GET', `/api/v1/products?q=${encodeURIComponent('脐橙')}`);
    expect(q.body.items.map((p: { title: string }) => p.title)).toEqual([expect.stringContaining('脐橙')]);
    const wildcard = await t.api('GET', `/api/v1/products?q=${encodeURIComponent('%')}`);
    expect(wildcard.body.total).toBe(0);
    const cats = await t.api('GET', '/api/v1/categories');
    const top = cats.body.items.find((c: { name: string }) => c.name === '生鲜水果');
    const child = cats.body.items.find((c: { name: string }) => c.name === '时令水果');
    expect(child.parentId).toBe(top.id);
    const byTop = await t.api('GET', `/api/v1/products?categoryId=${top.id}&pageSize=50`);
    const byChild = await t.api('GET', `/api/v1/products?categoryId=${child.id}&pageSize=50`);
    expect(byTop.body.total).toBeGreaterThan(byChild.body.total);
    expect(byChild.body.total).toBeGreaterThan(0);
  });

  it('product detail has images and SKUs with specs and stock; unknown ids are 404 in the envelope', async () => {
    const list = await t.api('GET', `/api/v1/products?q=${encodeURIComponent('纸尿裤')}`);
    const detail = await t.api('GET', `/api/v1/products/${list.body.items[0].id}`);
    expect(detail.body).toMatchObject({
      title: expect.stringContaining('纸尿裤'),
      images: [expect.stringMatching(/^\/uploads\//), expect.any(String)],
    });
    expect(detail.body.skus.map((s: { specs: Record<string, string> }) => s.specs['尺码'])).toEqual(['M', 'L', 'XL']);
    const img = await fetch(`${t.baseUrl}${detail.body.images[0]}`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toContain('image/webp');
    const missing = await t.api('GET', '/api/v1/products/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('PRODUCT_NOT_FOUND');
    expect((await t.api('GET', '/api/v1/products/abc')).status).toBe(400);
  });
});

describe('catalog (admin)', () => {
  it('creates a product with a SKU matrix, audit-logged; it shows in both lists', async () => {
    const res = await t.api('POST', '/api/admin/v1/products', {
      token: admin,
      body: {
        title: '测试T恤',
        skus: [
          { specs: { 颜色: '白', 尺码: 'M' }, priceFen: 5900, stock: 10 },
          { specs: { 颜色: '白', 尺码: 'L' }, priceFen: 6900, stock: 5 },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.skus).toHaveLength(2);
    const detail = await t.api('GET', `/api/v1/products/${res.body.id}`);
    expect(detail.body).toMatchObject({ title: '测试T恤', priceFen: 5900, categoryId: null, images: [] });
    const rows = await t.api('GET', `/api/admin/v1/products?q=${encodeURIComponent('测试T恤')}`, { token: admin });
    expect(rows.body.items[0]).toMatchObject({ id: res.body.id, stock: 15, skuCount: 2, onShelf: true });
    const audit = await t.rt.audit.model.findOne({ where: { entity: 'product', entityId: String(res.body.id) } });
    expect(audit?.getDataValue('action')).toBe('product.create');
    expect(audit?.getDataValue('operatorId')).toBeGreaterThan(0);
  });

  it.each([
    ['no SKU', { title: 'x', skus: [] }, 'VALIDATION_FAILED'],
    ['a float price', { title: 'x', skus: [{ priceFen: 9.9, stock: 1 }] }, 'VALIDATION_FAILED'],
    ['negative stock', { title: 'x', skus: [{ priceFen: 100, stock: -1 }] }, 'VALIDATION_FAILED'],
    [
      'an unknown category',
      { title: 'x', categoryId: 99999, skus: [{ priceFen: 100, stock: 1 }] },
      'CATEGORY_NOT_FOUND',
    ],
    [
      'duplicate specs',
      {
        title: 'x',
        skus: [
          { specs: { a: '1' }, priceFen: 1, stock: 1 },
          { specs: { a: '1' }, priceFen: 2, stock: 1 },
        ],
      },
      'SKU_DUPLICATE_SPECS',
    ],
    [
      'mixed spec names',
      {
        title: 'x',
        skus: [
          { specs: { a: '1' }, priceFen: 1, stock: 1 },
          { specs: { b: '1' }, priceFen: 2, stock: 1 },
        ],
      },
      'SKU_SPEC_KEYS_DIFFER',
    ],
  ])('refuses %s with a 400 and changes nothing', async (_what, body, code) => {
    const { Product, Sku } = t.models.catalog;
    const before = [await Product.count(), await Sku.count()];
    const res = await t.api('POST', '/api/admin/v1/products', { token: admin, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect([await Product.count(), await Sku.count()]).toEqual(before);
  });

  it('admin list filters by shelf state and needs an operator token', async () => {
    const off = await t.api('POST', '/api/admin/v1/products', {
      token: admin,
      body: { title: '下架商品', onShelf: false, skus: [{ priceFen: 100, stock: 1 }] },
    });
    const offList = await t.api('GET', '/api/admin/v1/products?onShelf=false', { token: admin });
    expect(offList.body.items.map((p: { id: number }) => p.id)).toContain(off.body.id);
    expect((await t.api('GET', `/api/v1/products/${off.body.id}`)).status).toBe(404);
    expect((await t.api('GET', '/api/admin/v1/products')).status).toBe(401);
  });
});

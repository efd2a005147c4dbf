// Requests that used to reach the database and answer 500 (or worse, succeed) are refused at the contract, on
// MariaDB: money and counts beyond their columns, image URLs that are not ours or https:, ids that are not
// written in digits, duplicate SKU lines in a campaign; and an order that does not exist is a 404 in the admin.
import { adminLogin, startTestServer, wechatLogin, type TestServer } from '../support/harness';
import { buyer, createProduct, placeOrder } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

const TOO_BIG = 4_294_967_296; // INT UNSIGNED max + 1
const product = (sku: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  title: '边界商品',
  skus: [{ priceFen: 1000, stock: 10, ...sku }],
  ...extra,
});
const codeOf = (r: { status: number; body: { error?: { code: string } } }) => [r.status, r.body.error?.code];
const post = (path: string, body: unknown, token = admin) => t.api('POST', path, { token, body });

describe('money and counts are bounded in the contracts', () => {
  it('priceFen and stock of 4294967296 in the admin are a 400, not a 500; the column maximum price is accepted', async () => {
    for (const sku of [{ priceFen: TOO_BIG }, { stock: TOO_BIG }, { stock: 100_000_000 }, { priceFen: 0 }]) {
      expect([sku, codeOf(await post('/api/admin/v1/products', product(sku)))]).toEqual([
        sku,
        [400, 'VALIDATION_FAILED'],
      ]);
    }
    const ok = await post('/api/admin/v1/products', product({ priceFen: TOO_BIG - 1, stock: 99_999_999 }));
    expect(ok.status).toBe(201);
    const edit = (sku: Record<string, unknown>) =>
      t.api('PUT', `/api/admin/v1/products/${ok.body.id}`, {
        token: admin,
        body: { title: '边界商品', skus: [{ id: ok.body.skus[0].id, priceFen: 1000, ...sku }] },
      });
    for (const sku of [{ priceFen: TOO_BIG }, { stock: TOO_BIG }, { expectedStock: TOO_BIG, stock: 1 }])
      expect([sku, codeOf(await edit(sku))]).toEqual([sku, [400, 'VALIDATION_FAILED']]);
    expect((await edit({ priceFen: 2000 })).status).toBe(200);
  });

  it('an order total beyond the columns is ORDER_AMOUNT_TOO_LARGE in the preview and the order; quantities are bounded', async () => {
    const { skuId } = await createProduct(t, admin, 1000, 4_000_000_000);
    const b = await buyer(t, 'bounds-buyer');
    const items = [{ skuId, quantity: 2 }];
    expect(codeOf(await post('/api/v1/checkout/preview', { items }, b.token))).toEqual([400, 'ORDER_AMOUNT_TOO_LARGE']);
    expect(codeOf(await post('/api/v1/orders', { items, addressId: b.addressId }, b.token))).toEqual([
      400,
      'ORDER_AMOUNT_TOO_LARGE',
    ]);
    expect(
      codeOf(await post('/api/v1/orders', { items: [{ skuId, quantity: 1000 }], addressId: b.addressId }, b.token)),
    ).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      codeOf(
        await post('/api/v1/orders', { items: [{ skuId: TOO_BIG, quantity: 1 }], addressId: b.addressId }, b.token),
      ),
    ).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('campaign prices and the free-shipping threshold are bounded', async () => {
    const { productId, skuId } = await createProduct(t, admin, 10, 10000);
    const res = await post('/api/admin/v1/groupbuy/campaigns', {
      productId,
      skus: [{ skuId, groupPriceFen: TOO_BIG }],
    });
    expect(codeOf(res)).toEqual([400, 'VALIDATION_FAILED']);
    const settings = await t.api('PUT', '/api/admin/v1/settings/order', {
      token: admin,
      body: { paymentTimeoutMinutes: 30, autoConfirmDays: 7, shippingFlatFeeFen: 800, freeShippingOverFen: TOO_BIG },
    });
    expect(codeOf(settings)).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('image and avatar URL fields', () => {
  const refused = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:image/png;base64,AAAA',
    'http://cdn.example.com/a.png',
    '//evil.example.com/a.png',
    '/admin/index.html',
    '/uploads/../admin/index.html',
    'https://user:pw@cdn.example.com/a.png',
    'uploads/a.png',
    'https:/a.png',
  ];
  const accepted = [
    'https://cdn.example.com/p/a.png?x=1',
    '/uploads/2026/11/3f9a0c1e2b7d4a56.png',
    '/uploads/demo/1.svg',
  ];

  it('product images, SKU images and category icons accept only https: URLs and /uploads/ paths', async () => {
    for (const url of refused) {
      const cases = [
        await post('/api/admin/v1/products', product({}, { images: [url] })),
        await post('/api/admin/v1/products', product({ image: url })),
        await post('/api/admin/v1/categories', { name: '图标', icon: url }),
      ];
      expect([url, cases.map(codeOf)]).toEqual([url, Array(3).fill([400, 'VALIDATION_FAILED'])]);
    }
    for (const url of accepted) {
      const p = await post('/api/admin/v1/products', product({ image: url }, { images: [url] }));
      expect([url, p.status]).toEqual([url, 201]);
      const c = await post('/api/admin/v1/categories', { name: `图标${accepted.indexOf(url)}`, icon: url });
      expect([url, c.status]).toEqual([url, 201]);
    }
    const created = await post('/api/admin/v1/products', product({}));
    const edit = await t.api('PUT', `/api/admin/v1/products/${created.body.id}`, {
      token: admin,
      body: {
        title: '边界商品',
        images: ['javascript:alert(1)'],
        skus: [{ id: created.body.skus[0].id, priceFen: 1000 }],
      },
    });
    expect(codeOf(edit)).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('ids and admin lookups', () => {
  it('path and query ids are digits only', async () => {
    const { productId } = await createProduct(t, admin, 5, 1000);
    const b = await buyer(t, 'bounds-ids');
    const order = await placeOrder(t, b, (await createProduct(t, admin, 5, 1000)).skuId);
    expect((await t.api('GET', `/api/v1/products/${productId}`)).status).toBe(200);
    for (const id of [
      `+${productId}`,
      `${productId}.0`,
      `${productId}e0`,
      `%20${productId}`,
      `0${productId}`,
      '0x1b',
      '2147483648',
    ]) {
      const calls = [
        await t.api('GET', `/api/v1/products/${id}`),
        await t.api('GET', `/api/admin/v1/products/${id}`, { token: admin }),
        await t.api('GET', `/api/v1/orders/${id}`, { token: b.token }),
        await t.api('POST', `/api/v1/orders/${id}/pay`, { token: b.token, body: { channel: 'wechat' } }),
        await t.api('GET', `/api/admin/v1/orders/${id}/payments`, { token: admin }),
        await t.api('DELETE', `/api/v1/addresses/${id}`, { token: b.token }),
        await t.api('GET', `/api/v1/groupbuy/campaigns/${id}`),
      ];
      expect([id, calls.map(codeOf)]).toEqual([id, Array(calls.length).fill([400, 'VALIDATION_FAILED'])]);
    }
    for (const q of ['categoryId=%2B1', 'categoryId=1.0', 'page=1e1', 'pageSize=+20', 'page=0', 'page=99999999999']) {
      expect([q, codeOf(await t.api('GET', `/api/v1/products?${q}`))]).toEqual([q, [400, 'VALIDATION_FAILED']]);
    }
    expect((await t.api('GET', '/api/v1/products?page=2&pageSize=5&categoryId=1')).status).toBe(200);
    expect((await t.api('GET', `/api/admin/v1/orders?userId=${b.userId}`, { token: admin })).body.items).toEqual([
      expect.objectContaining({ id: order.id }),
    ]);
  });

  it('payments of an order that does not exist are a 404 ORDER_NOT_FOUND in the admin', async () => {
    const missing = await t.api('GET', '/api/admin/v1/orders/999999/payments', { token: admin });
    expect(codeOf(missing)).toEqual([404, 'ORDER_NOT_FOUND']);
    const b = await buyer(t, 'bounds-payments');
    const order = await placeOrder(t, b, (await createProduct(t, admin, 5, 1000)).skuId);
    const found = await t.api('GET', `/api/admin/v1/orders/${order.id}/payments`, { token: admin });
    expect([found.status, found.body]).toEqual([200, { payments: [], refunds: [] }]);
  });
});

describe('duplicate SKU lines in a group-buy campaign', () => {
  it('are a 400 naming the duplicate, on create and on edit, and change nothing', async () => {
    const { productId, skuId } = await createProduct(t, admin, 10, 10000);
    const skus = [
      { skuId, groupPriceFen: 6000 },
      { skuId, groupPriceFen: 5000 },
    ];
    const created = await post('/api/admin/v1/groupbuy/campaigns', { productId, skus });
    expect(codeOf(created)).toEqual([400, 'CAMPAIGN_INVALID']);
    expect(JSON.stringify(created.body.error)).toContain(`skus.${skuId}`);
    expect(created.body.error.message).toContain(String(skuId));
    const ok = await post('/api/admin/v1/groupbuy/campaigns', { productId, skus: [skus[0]] });
    expect(ok.status).toBe(201);
    const edited = await t.api('PUT', `/api/admin/v1/groupbuy/campaigns/${ok.body.id}`, {
      token: admin,
      body: { productId, skus },
    });
    expect(codeOf(edited)).toEqual([400, 'CAMPAIGN_INVALID']);
    expect(edited.body.error.message).toContain(String(skuId));
    const now = await t.api('GET', `/api/admin/v1/groupbuy/campaigns/${ok.body.id}`, { token: admin });
    expect(now.body.skus.map((s: { groupPriceFen: number }) => s.groupPriceFen)).toEqual([6000]);
  });
});

describe('avatar URLs', () => {
  it('accept https: and our own /uploads/ paths only', async () => {
    const { token } = await wechatLogin(t, 'avatar-check');
    const patch = (avatar: string | null) => t.api('PATCH', '/api/v1/me', { token, body: { avatar } });
    for (const bad of [
      'javascript:alert(1)',
      'http://evil.example/a.png',
      'data:image/png;base64,AAAA',
      '//evil/x.png',
    ])
      expect((await patch(bad)).status).toBe(400);
    expect((await patch('https://cdn.example.com/a.png')).status).toBe(200);
    expect((await patch('/uploads/2026/11/abc.png')).body.avatar).toBe('/uploads/2026/11/abc.png');
    expect((await patch(null)).status).toBe(200);
  });
});

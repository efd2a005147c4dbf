// After-sales end to end in real Chromium (issue 10, flow 5 and the after-sales half of 7): the operator sets the
// return address in 设置; the buyer asks for a return on the H5 order page — a page with the type, the units per
// line (bounded by what is left), a reason from the list, a note and a photo — and sees its state on the order;
// the operator finds it by order number, sees reason, note and photo, confirms approval; the buyer sees the
// return address and enters the carrier and tracking number; the operator sees them and confirms receipt, asked
// first. A refund-only approval asks for confirmation too.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminLogin } from '../support/harness';
import { payAndSettle } from '../support/shop';
import { adminPage, h5Login, launchChromium, mobileContext, SCREENSHOTS, startBrowserServer } from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(4 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let shop: BrowserContext;
let page: Page;
let admin: Page;
let adminToken: string;
let buyerToken: string;
let addressId: number;
let order: { id: number; orderNo: string };
let afterSaleId: number;
const pageErrors: string[] = [];

/** A real 1×1 PNG, picked from the "album". */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SCREENSHOTS, `after-sale-${name}.png`), animations: 'disabled' });
const visible = (p: Page, selector: string) => p.locator(`${selector}:visible`).first();

/** A paid order of `quantity` units (12.00 each), shipped when asked. */
async function paidOrder(title: string, quantity: number, ship: boolean) {
  const t = server.server;
  const product = await t.api('POST', '/api/admin/v1/products', {
    token: adminToken,
    body: { title, skus: [{ priceFen: 1200, stock: 20 }] },
  });
  const placed = await t.api('POST', '/api/v1/orders', {
    token: buyerToken,
    body: { items: [{ skuId: product.body.skus[0].id, quantity }], addressId },
  });
  expect(placed.status).toBe(201);
  await payAndSettle(t, buyerToken, placed.body.id);
  if (ship)
    await t.api('POST', `/api/admin/v1/orders/${placed.body.id}/ship`, {
      token: adminToken,
      body: { carrier: '顺丰速运', trackingNo: `SF${placed.body.id}000` },
    });
  return placed.body as { id: number; orderNo: string };
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startBrowserServer();
  browser = await launchChromium();
  shop = await mobileContext(browser);
  page = await shop.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  adminToken = await adminLogin(server.server);
  await h5Login(page, server.baseUrl, '13900005555');
  // Taro's H5 storage keeps each value as JSON {data}
  const stored = (await page.evaluate(() => localStorage.getItem('linli.token')))!;
  buyerToken = (JSON.parse(stored) as { data: string }).data;
  const address = await server.server.api('POST', '/api/v1/addresses', {
    token: buyerToken,
    body: {
      name: '李售后',
      phone: '13900005555',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 5 号',
    },
  });
  addressId = address.body.id;
  order = await paidOrder('售后测试·有机草莓', 2, true);
  admin = await adminPage(browser, server.baseUrl, server.admin, TIMEOUT);
}, 4 * TIMEOUT);

afterAll(async () => {
  await admin?.close();
  await shop?.close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test('admin: the operator sets the return address in 设置 (audited)', async () => {
  await admin.goto(`${server.baseUrl}/admin/settings`);
  const card = admin.locator('.return-address-card');
  await card.getByText('尚未填写退货地址').waitFor();
  await admin.locator('[data-testid="return-address-name"]').fill('邻里售后仓');
  await admin.locator('[data-testid="return-address-phone"]').fill('0571-88886666');
  await admin.locator('[data-testid="return-address-address"]').fill('浙江省杭州市余杭区仓前街道 1 号仓');
  await admin.locator('[data-testid="return-address-save"]').click();
  await admin.locator('.ant-message', { hasText: '退货地址已保存' }).waitFor();
  await shot(admin, '01-admin-return-address');
  const audit = await server.server.api('GET', '/api/admin/v1/audit-logs?entity=settings&entityId=after_sale', {
    token: adminToken,
  });
  expect(audit.body.items[0]).toMatchObject({
    action: 'settings.update',
    after: { returnAddress: { name: '邻里售后仓', phone: '0571-88886666' } },
  });
});

test('H5: the buyer asks for a return: type, units, reason, note and a photo', async () => {
  await page.goto(`${server.baseUrl}/#/subpackages/order/detail/index?id=${order.id}`);
  await visible(page, '.order-return').click();
  await page.waitForURL(/after-sale\/apply/);
  await visible(page, '.after-sale-line').waitFor();
  // return and refund is the kind a shipped order allows
  expect(await visible(page, '.after-sale-type.after-sale-chip--active').textContent()).toBe('退货退款');
  expect(await visible(page, '.after-sale-line').textContent()).toContain('可申请 2/2');
  // one of the two units: the stepper stops at what is left
  await visible(page, '.after-sale-qty .nut-inputnumber-minus').click();
  expect(await visible(page, '.after-sale-estimate').textContent()).toBe('¥12.00');
  // no reason yet: the page says so and sends nothing
  await visible(page, '.after-sale-submit').click();
  expect(await visible(page, '.after-sale-problem').textContent()).toBe('请选择售后原因');
  await page.locator('.after-sale-reason:visible', { hasText: '商品破损' }).click();
  await visible(page, '.after-sale-note textarea').fill('盒子压坏了，有一盒烂了');
  const chooser = page.waitForEvent('filechooser');
  await visible(page, '.after-sale-photo--add').click();
  await (await chooser).setFiles({ name: 'broken.png', mimeType: 'image/png', buffer: PNG });
  await visible(page, '.after-sale-photo__img').waitFor();
  await shot(page, '02-h5-apply');
  await visible(page, '.after-sale-submit').click();

  await page.waitForURL(/after-sale\/detail/);
  await page.locator('.after-sale-status:visible', { hasText: '待审核' }).waitFor();
  await page.waitForFunction(
    () => document.querySelectorAll('.after-sale-detail .after-sale-photo__img img').length > 0,
  );
  expect(await visible(page, '.after-sale-reason-label').textContent()).toBe('商品破损');
  await shot(page, '03-h5-requested');
  afterSaleId = Number(new URL(page.url().replace('#', '')).searchParams.get('id'));
  const stored = await server.server.api('GET', `/api/v1/after-sales/${afterSaleId}`, { token: buyerToken });
  expect(stored.body).toMatchObject({
    type: 'return_refund',
    reason: 'damaged',
    note: '盒子压坏了，有一盒烂了',
    lines: [{ quantity: 1, amountFen: 1200 }],
  });
  expect(stored.body.photos).toHaveLength(1);

  // the order page shows the request's state and leads to it
  await page.goto(`${server.baseUrl}/#/subpackages/order/detail/index?id=${order.id}`);
  await page.locator('.order-after-sale-status:visible', { hasText: '待审核' }).waitFor();
});

test('admin: the operator finds it by order number, sees what the buyer sent, approves after confirming', async () => {
  await admin.goto(`${server.baseUrl}/admin/after-sales`);
  const row = admin.locator('.ant-table-row', { hasText: order.orderNo });
  await row.waitFor();
  // the order column is the order number, not an internal id
  expect(await row.locator('.after-sale-order-no').textContent()).toBe(order.orderNo);
  await admin.locator('.after-sale-search input').fill(order.orderNo);
  await admin.locator('.after-sale-search input').press('Enter');
  await admin.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 1);
  await row.locator('.after-sale-open').click();
  const drawer = admin.locator('.after-sale-drawer');
  await drawer.locator('.after-sale-reason', { hasText: '商品破损' }).waitFor();
  expect(await drawer.locator('.after-sale-note').textContent()).toBe('盒子压坏了，有一盒烂了');
  await drawer.getByText('售后测试·有机草莓').waitFor();
  await admin.waitForFunction(() =>
    [...document.querySelectorAll<HTMLImageElement>('.after-sale-photos img')].some((i) => i.naturalWidth > 0),
  );
  await shot(admin, '04-admin-requested');

  await drawer.locator('[data-testid="after-sale-approve"]').click();
  await admin.locator('.ant-popconfirm:visible', { hasText: '同意退货？' }).waitFor();
  await admin.locator('.ant-popconfirm:visible button', { hasText: '同意退货' }).click();
  await admin.locator('.ant-message', { hasText: '已同意' }).waitFor();
  await drawer.locator('.after-sale-drawer-status', { hasText: '待买家退货' }).waitFor();
});

test('H5: the buyer sees the return address and enters the carrier and tracking number', async () => {
  await page.goto(`${server.baseUrl}/#/subpackages/order/after-sale/detail/index?id=${afterSaleId}`);
  await page.locator('.after-sale-status:visible', { hasText: '待买家退货' }).waitFor();
  const address = await visible(page, '.after-sale-return-address').textContent();
  expect(address).toContain('邻里售后仓');
  expect(address).toContain('浙江省杭州市余杭区仓前街道 1 号仓');
  await visible(page, '.after-sale-carrier input').fill('中通快递');
  await visible(page, '.after-sale-tracking input').fill('ZT7788990011');
  await shot(page, '05-h5-return-form');
  await visible(page, '.after-sale-send').click();
  await page.locator('.after-sale-status:visible', { hasText: '买家已寄回' }).waitFor();
  expect(await visible(page, '.after-sale-shipment').textContent()).toContain('ZT7788990011');
});

test('admin: the operator sees the shipment and confirms receipt, asked first; the buyer sees the refund', async () => {
  await admin.reload();
  await admin.locator('.after-sale-search input').fill(order.orderNo);
  await admin.locator('.after-sale-search input').press('Enter');
  const row = admin.locator('.ant-table-row', { hasText: order.orderNo });
  await row.locator('.after-sale-open').click();
  const drawer = admin.locator('.after-sale-drawer');
  await drawer.locator('.after-sale-return-shipment', { hasText: '中通快递 ZT7788990011' }).waitFor();
  await drawer.locator('[data-testid="after-sale-receive"]').click();
  const ask = admin.locator('.ant-popconfirm:visible', { hasText: '确认已收到退货，并原路退款 ¥12.00？' });
  await ask.waitFor();
  await shot(admin, '06-admin-receive-confirm');
  // nothing happens until the operator says so
  await ask.locator('button', { hasText: '再想想' }).click();
  expect(
    (await server.server.api('GET', `/api/v1/after-sales/${afterSaleId}`, { token: buyerToken })).body.status,
  ).toBe('returning');
  await drawer.locator('[data-testid="after-sale-receive"]').click();
  await admin.locator('.ant-popconfirm:visible button', { hasText: '确认收货并退款' }).click();
  await admin.locator('.ant-message', { hasText: '已确认收货' }).waitFor();

  await page.goto(`${server.baseUrl}/#/subpackages/order/detail/index?id=${order.id}`);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.order-after-sale-status')].some((e) => /退款中|已退款/.test(e.textContent ?? '')),
    undefined,
    { timeout: TIMEOUT },
  );
  await shot(page, '07-h5-order-refund');
  expect(pageErrors).toEqual([]);
});

test('admin: approving a refund-only request asks for confirmation before any money moves', async () => {
  const unshipped = await paidOrder('售后测试·仅退款', 1, false);
  const created = await server.server.api('GET', `/api/v1/orders/${unshipped.id}`, { token: buyerToken });
  const requested = await server.server.api('POST', `/api/v1/orders/${unshipped.id}/after-sales`, {
    token: buyerToken,
    body: {
      type: 'refund_only',
      reason: 'ordered_by_mistake',
      lines: [{ orderItemId: created.body.items[0].id, quantity: 1 }],
    },
  });
  expect(requested.status).toBe(201);
  await admin.reload();
  await admin.locator('.after-sale-search input').fill(unshipped.orderNo);
  await admin.locator('.after-sale-search input').press('Enter');
  await admin.locator('.ant-table-row', { hasText: unshipped.orderNo }).locator('.after-sale-open').click();
  const drawer = admin.locator('.after-sale-drawer');
  await drawer.locator('[data-testid="after-sale-approve"]', { hasText: '同意退款' }).click();
  const ask = admin.locator('.ant-popconfirm:visible', { hasText: `同意并原路退款 ${'¥'}` });
  await ask.waitFor();
  await ask.locator('button', { hasText: '再想想' }).click();
  expect(
    (await server.server.api('GET', `/api/v1/after-sales/${requested.body.id}`, { token: buyerToken })).body.status,
  ).toBe('requested');
  await drawer.locator('[data-testid="after-sale-approve"]').click();
  await admin.locator('.ant-popconfirm:visible button', { hasText: '同意并退款' }).click();
  await admin.locator('.ant-message', { hasText: '已同意' }).waitFor();
  expect(
    (await server.server.api('GET', `/api/v1/after-sales/${requested.body.id}`, { token: buyerToken })).body.status,
  ).toMatch(/refunding|refunded/);
});

// Group buy in real Chromium: user A opens a group from the product page and pays in the sandbox cashier; user B
// (another browser context) opens the share link, joins and pays → the group page shows success and both orders
// are to_ship. The operator sees the group in the admin.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminLogin } from '../support/harness';
import {
  adminPage,
  fillAddressForm,
  h5Login,
  launchChromium,
  mobileContext,
  payInSandboxCashier,
  SCREENSHOTS,
  settled,
  startBrowserServer,
} from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(4 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
let productId: number;
let groupCode: string;

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SCREENSHOTS, `groupbuy-${name}.png`), animations: 'disabled' });
const visible = (p: Page, selector: string) => p.locator(`${selector}:visible`).first();

async function shopper(phone: string): Promise<Page> {
  const ctx = await mobileContext(browser);
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await h5Login(page, server.baseUrl, phone);
  return page;
}

async function fillAddress(page: Page, name: string, phone: string) {
  await fillAddressForm(page, { name, phone, region: ['上海市', '上海市', '徐汇区'], detail: '漕溪北路 8 号' });
  await visible(page, '.address-item--selected').waitFor();
}

/** On the sandbox cashier: pay `amount`, then wait to be sent back to the group page. */
async function payInCashier(page: Page, amount: string) {
  await payInSandboxCashier(page, amount);
  await page.waitForURL(/groupbuy\/group\/index\?code=/, { timeout: TIMEOUT });
}

/** Taro keeps earlier pages of the stack in the DOM (hidden): only the visible group page counts. */
const statusShown = (p: Page, text: string) => p.locator('.gb-status:visible', { hasText: text }).waitFor();

const statusOf = async (orderNo: string) =>
  (await server.server.models.order.Order.findOne({ where: { orderNo } }))?.getDataValue('status');

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startBrowserServer();
  browser = await launchChromium();
  const admin = await adminLogin(server.server);
  const product = await server.server.api('POST', '/api/admin/v1/products', {
    token: admin,
    body: { title: '拼团测试·赣南脐橙 5 斤', skus: [{ priceFen: 5990, stock: 20 }] },
  });
  productId = product.body.id;
  const campaign = await server.server.api('POST', '/api/admin/v1/groupbuy/campaigns', {
    token: admin,
    body: { productId, size: 2, validityHours: 24, skus: [{ skuId: product.body.skus[0].id, groupPriceFen: 3990 }] },
  });
  expect(campaign.status).toBe(201);
}, 4 * TIMEOUT);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test('A opens a group from the product page and pays; B joins through the share link and pays', async () => {
  const a = await shopper('13900002222');
  await a.goto(`${server.baseUrl}/#/subpackages/product/detail/index?id=${productId}`);
  await visible(a, '.gb-section').waitFor();
  expect(await visible(a, '.gb-section__price').textContent()).toContain('¥39.90');
  await visible(a, '.gb-open').click();
  await fillAddress(a, '李团长', '13900002222');
  await shot(a, '01-open');
  // the create template: the open carries an Idempotency-Key, and a double tap makes one group (checked below)
  const opening = a.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/groupbuy/groups'));
  await visible(a, '.gb-submit').dblclick();
  expect((await opening).headers()['idempotency-key']).toMatch(/^[\w-]{8,64}$/);
  await payInCashier(a, '¥47.90');
  await statusShown(a, '拼团中');
  await visible(a, '.gb-countdown').waitFor();
  groupCode = new URL(a.url().replace('#', '')).searchParams.get('code')!;
  expect(groupCode).toBeTruthy();
  await visible(a, '.gb-invite').click();
  await visible(a, '.gb-poster').waitFor(); // the h5 share poster: a QR code of the group link, made locally
  await shot(a, '02-open-invite');

  const b = await shopper('13900003333');
  await b.goto(`${server.baseUrl}/#/subpackages/groupbuy/group/index?code=${groupCode}`);
  await b.locator('.gb-member--empty:visible').first().waitFor();
  expect(await b.locator('.gb-member--empty:visible').count()).toBe(1);
  await shot(b, '03-share-link');
  await visible(b, '.gb-join').click();
  await fillAddress(b, '王参团', '13900003333');
  await visible(b, '.gb-submit').dblclick();
  await payInCashier(b, '¥47.90');
  await statusShown(b, '拼团成功');
  await shot(b, '04-succeeded');

  await a.reload();
  await statusShown(a, '拼团成功');

  const group = await server.server.api('GET', `/api/v1/groupbuy/groups/${groupCode}`);
  expect(group.body).toMatchObject({ status: 'succeeded', seatsLeft: 0 });
  expect(group.body.members).toHaveLength(2);
  const orders = await server.server.models.order.Order.findAll({ where: { kind: 'groupbuy' } });
  expect(orders).toHaveLength(2);
  for (const o of orders) {
    expect(o.getDataValue('status')).toBe('to_ship');
    expect(o.getDataValue('paidFen')).toBe(3990 + 800); // group price + flat shipping under ¥99
    expect(await statusOf(o.getDataValue('orderNo'))).toBe('to_ship');
  }
});

test('admin: the operator sees the campaign and its succeeded group', async () => {
  const admin = await adminPage(browser, server.baseUrl, server.admin, TIMEOUT);
  await admin.goto(`${server.baseUrl}/admin/groupbuy`);
  await admin.getByText('拼团测试·赣南脐橙 5 斤').first().waitFor();
  await admin.locator('[data-testid="gb-campaign-row"]', { hasText: '拼团测试·赣南脐橙 5 斤' }).click();
  const row = admin.locator('[data-testid="gb-group-row"]', { hasText: groupCode });
  await row.waitFor();
  await settled(admin); // the drawer has slid in
  await admin.screenshot({ path: path.join(SCREENSHOTS, 'groupbuy-05-admin.png'), animations: 'disabled' });
  expect(await row.textContent()).toContain('拼团成功'); // the shop's word, shared through @display
  expect(await row.textContent()).toContain('2 / 2 / 2');
});

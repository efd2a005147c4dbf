// The purchase loop in real Chromium against a real server (MariaDB + Redis, sandbox): an H5 user logs in, adds
// a product to the cart, checks out with a new address, pays in the sandbox cashier (the WeChat Pay simulator
// posts the signed notification back); the operator ships it in the admin; the user confirms receipt.
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
  startBrowserServer,
} from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(4 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let shop: BrowserContext;
let page: Page;
let productId: number;
let orderId: number;

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SCREENSHOTS, `purchase-${name}.png`), animations: 'disabled' });
const visible = (p: Page, selector: string) => p.locator(`${selector}:visible`).first();

/** Taro's modal (showModal) on H5: press its confirm button. */
async function confirmModal(p: Page) {
  await p.locator('.taro-modal__foot >> text=确定').or(p.locator('.taro-modal__foot div').last()).first().click();
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startBrowserServer();
  browser = await launchChromium();
  shop = await mobileContext(browser);
  page = await shop.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const admin = await adminLogin(server.server);
  const created = await server.server.api('POST', '/api/admin/v1/products', {
    token: admin,
    body: { title: '浏览器测试·有机红富士苹果', skus: [{ priceFen: 12900, stock: 5 }] },
  });
  productId = created.body.id;
}, 4 * TIMEOUT);

afterAll(async () => {
  await shop?.close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test('H5: log in, add to cart, check out with a new address, pay in the sandbox cashier', async () => {
  await h5Login(page, server.baseUrl, '13900001111');

  await page.goto(`${server.baseUrl}/#/subpackages/product/detail/index?id=${productId}`);
  await visible(page, '.product-title').waitFor();
  // on to the cart once the line is in it (the shop says so), not after a guessed delay
  await visible(page, '.add-to-cart').click();
  await page.getByText('已加入购物车').first().waitFor();
  await shot(page, '01-detail');

  await page.goto(`${server.baseUrl}/#/pages/cart/index`);
  await visible(page, '.cart-item').waitFor();
  expect(await visible(page, '.cart-total').textContent()).toContain('¥129.00');
  await shot(page, '02-cart');
  await visible(page, '.cart-checkout').click();

  await fillAddressForm(page, {
    name: '王小明',
    phone: '13900001111',
    region: ['浙江省', '杭州市', '西湖区'],
    detail: '文三路 100 号',
  });
  await visible(page, '.address-item--selected').waitFor();
  expect(await visible(page, '.checkout-payable').textContent()).toContain('¥129.00'); // free shipping over ¥99
  await shot(page, '03-checkout');
  await visible(page, '.checkout-submit').click();

  await page.locator('.cashier__amount:visible', { hasText: '¥129.00' }).waitFor();
  await shot(page, '04-cashier');
  await payInSandboxCashier(page, '¥129.00');

  await page.waitForFunction(
    () => document.querySelector('.pay-result__title')?.textContent === '支付成功',
    undefined,
    { timeout: TIMEOUT },
  );
  await shot(page, '05-paid');
  orderId = Number(new URL(page.url().replace('#', '')).searchParams.get('orderId'));
  const row = await server.server.models.order.Order.findByPk(orderId);
  expect(row?.getDataValue('status')).toBe('to_ship');
  expect(row?.getDataValue('paidFen')).toBe(12900);
});

test('admin: the operator ships the order from the list, and its drawer keeps the record', async () => {
  const admin = await adminPage(browser, server.baseUrl, server.admin, TIMEOUT);
  await admin.goto(`${server.baseUrl}/admin/orders`);
  const row = admin.locator('[data-testid="order-row"]').first();
  await row.waitFor();
  // the action column: 发货 on an order to ship opens the ship dialog, not the row's drawer
  await row.locator('[data-testid="order-row-ship"]').click();
  const dialog = admin.locator('.ant-modal', { hasText: '发货 · 订单' });
  await dialog.waitFor();
  expect(await admin.locator('.ant-drawer-open').count()).toBe(0);
  await dialog.locator('[data-testid="order-ship-carrier"]').click();
  await admin.locator('.ant-select-item-option', { hasText: '顺丰速运' }).click();
  await dialog.locator('[data-testid="order-ship-tracking"]').fill('SF1234567890');
  await dialog.locator('[data-testid="order-ship-submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
  await row.getByText('已发货').waitFor();
  expect(await row.locator('[data-testid="order-row-ship"]').count()).toBe(0);

  await row.locator('[data-testid="order-row-detail"]').click();
  await admin.locator('.order-drawer-status', { hasText: '已发货' }).waitFor();
  // the drawer keeps the order's record: paid when and how, shipped when, with what
  const facts = admin.locator('.ant-drawer .ant-descriptions');
  await facts.getByText('发货时间').waitFor();
  for (const label of ['订单编号', '下单时间', '支付时间', '支付方式', '物流公司', '运单号']) {
    await facts.getByText(label, { exact: true }).waitFor();
  }
  expect(await facts.textContent()).toContain('SF1234567890');
  await admin.screenshot({ path: path.join(SCREENSHOTS, 'purchase-06-admin-shipped.png') });
  await admin.close();
  const saved = await server.server.models.order.Order.findByPk(orderId);
  expect(saved?.get({ plain: true })).toMatchObject({
    status: 'shipped',
    carrier: '顺丰速运',
    trackingNo: 'SF1234567890',
  });
});

test('H5: the user confirms receipt', async () => {
  await page.goto(`${server.baseUrl}/#/subpackages/order/detail/index?id=${orderId}`);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.order-status')].some((e) => e.textContent === '已发货'),
  );
  // the payment method arrives with the order's payments, after the status (CI: read before it had rendered)
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.order-fact')].some((r) => r.children[0]?.textContent === '支付方式'),
  );
  // the record under the lines: placed, paid (and how), shipped, in China time
  const facts = Object.fromEntries(
    await page
      .locator('.order-fact:visible')
      .evaluateAll((rows) => rows.map((r) => [r.children[0]?.textContent ?? '', r.children[1]?.textContent ?? ''])),
  );
  const CHINA_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
  expect(facts).toMatchObject({ 物流公司: '顺丰速运', 运单号: 'SF1234567890' });
  for (const label of ['下单时间', '支付时间', '发货时间']) expect(facts[label]).toMatch(CHINA_TIME);
  expect(['微信支付', '支付宝']).toContain(facts['支付方式']);
  await visible(page, '.order-confirm-receipt').click();
  await confirmModal(page);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.order-status')].some((e) => e.textContent === '已完成'),
  );
  await shot(page, '07-completed');
  const row = await server.server.models.order.Order.findByPk(orderId);
  expect(row?.getDataValue('status')).toBe('completed');
});

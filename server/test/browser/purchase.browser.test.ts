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

test('admin: the operator finds the order and ships it', async () => {
  const admin = await adminPage(browser, server.baseUrl, server.admin, TIMEOUT);
  await admin.goto(`${server.baseUrl}/admin/orders`);
  await admin.locator('[data-testid="order-row"]').first().click();
  await admin.locator('.order-drawer-status', { hasText: '待发货' }).waitFor();
  await admin.locator('[data-testid="order-ship-carrier"]').click();
  await admin.locator('.ant-select-item-option', { hasText: '顺丰速运' }).click();
  await admin.locator('[data-testid="order-ship-tracking"]').fill('SF1234567890');
  await admin.locator('[data-testid="order-ship-submit"]').click();
  await admin.locator('.order-drawer-status', { hasText: '已发货' }).waitFor();
  await admin.screenshot({ path: path.join(SCREENSHOTS, 'purchase-06-admin-shipped.png') });
  await admin.close();
  const row = await server.server.models.order.Order.findByPk(orderId);
  expect(row?.get({ plain: true })).toMatchObject({
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
  await visible(page, '.order-confirm-receipt').click();
  await confirmModal(page);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.order-status')].some((e) => e.textContent === '已完成'),
  );
  await shot(page, '07-completed');
  const row = await server.server.models.order.Order.findByPk(orderId);
  expect(row?.getDataValue('status')).toBe('completed');
});

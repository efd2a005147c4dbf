// Accessibility of the real pages (issue 10): axe-core runs inside the H5 shop (home, category, product, cart,
// checkout, cashier, result, orders, after-sales, group buy, addresses, me) and the admin (login, products, orders,
// after-sales, group buy). Any violation of axe's default rules fails the test, naming the elements: low contrast,
// images without a text alternative, unlabelled fields (NutUI's stepper, the switch, the admin's filters), invalid
// ARIA, content outside landmarks, scrolling regions a keyboard cannot reach, a page without a level-1 heading.
import fs from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminLogin } from '../support/harness';
import { payAndSettle } from '../support/shop';
import {
  h5Login,
  launchChromium,
  mobileContext,
  payInSandboxCashier,
  SCREENSHOTS,
  settled,
  startBrowserServer,
} from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(6 * TIMEOUT);

const AXE = require.resolve('axe-core/axe.min.js');

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let shop: BrowserContext;
let page: Page;
let adminToken: string;
let buyerToken: string;
let product: { id: number; skuId: number };
let paidOrderId: number;
let afterSaleId: number;
let groupCode: string;

interface Finding {
  page: string;
  rule: string;
  impact: string;
  nodes: string[];
}

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SCREENSHOTS, `accessibility-${name}.png`), animations: 'disabled' });
const visible = (p: Page, selector: string) => p.locator(`${selector}:visible`).first();

/** Runs axe-core on what `p` shows now; one finding per violated rule, with the offending elements and why. */
async function audit(p: Page, name: string): Promise<Finding[]> {
  await settled(p); // page transitions and drawers have ended
  await shot(p, name);
  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ path: AXE });
  const violations = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.any[0] ?? n.all[0] ?? n.none[0])?.message ?? ''}`),
    }));
  });
  return violations.map((v) => ({ page: name, ...v }));
}

/** Fails on any finding, naming every element and why. */
function expectAccessible(findings: Finding[]) {
  const line = (f: Finding) =>
    `${f.page} · ${f.rule} (${f.impact}, ${f.nodes.length}):\n${f.nodes
      .slice(0, 12)
      .map((n) => `    ${n}`)
      .join('\n')}`;
  if (findings.length > 0) throw new Error(findings.map(line).join('\n'));
}

async function uploadImage(color: string): Promise<string> {
  const p = await browser.newPage({ viewport: { width: 60, height: 60 } });
  await p.setContent(`<body style="margin:0;background:${color}"></body>`);
  const png = await p.screenshot();
  await p.close();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${color.slice(1)}.png`);
  const res = await fetch(`${server.baseUrl}/api/admin/v1/uploads/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
    body: form,
  });
  expect(res.status).toBeLessThan(300);
  return ((await res.json()) as { url: string }).url;
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startBrowserServer();
  browser = await launchChromium();
  const t = server.server;
  adminToken = await adminLogin(t);
  const created = await t.api('POST', '/api/admin/v1/products', {
    token: adminToken,
    body: {
      title: '无障碍测试·阳山水蜜桃 6 只',
      images: [await uploadImage('#e8a33d')],
      skus: [{ priceFen: 5990, stock: 50 }],
    },
  });
  expect(created.status).toBe(201);
  product = { id: created.body.id, skuId: created.body.skus[0].id };
  const campaign = await t.api('POST', '/api/admin/v1/groupbuy/campaigns', {
    token: adminToken,
    body: {
      productId: product.id,
      size: 2,
      skus: [{ skuId: product.skuId, groupPriceFen: 2990, leaderPriceFen: 2590 }],
    },
  });
  expect(campaign.status).toBe(201);

  // the pages' CSP (rightly) refuses inline scripts: the test lifts it to inject axe
  shop = await mobileContext(browser, { bypassCSP: true });
  page = await shop.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await h5Login(page, server.baseUrl, '13900007777');
  // Taro's H5 storage keeps each value as JSON {data}
  buyerToken = (JSON.parse((await page.evaluate(() => localStorage.getItem('linli.token')))!) as { data: string }).data;
  const address = await t.api('POST', '/api/v1/addresses', {
    token: buyerToken,
    body: {
      name: '王无障',
      phone: '13900007777',
      province: '上海市',
      city: '上海市',
      district: '徐汇区',
      detail: '漕溪北路 8 号',
    },
  });
  expect(address.status).toBe(201);
  const addressId = address.body.id as number;

  // a paid order with a refund request on it, an open group, and a line in the cart
  const placed = await t.api('POST', '/api/v1/orders', {
    token: buyerToken,
    body: { items: [{ skuId: product.skuId, quantity: 2 }], addressId },
  });
  expect(placed.status).toBe(201);
  paidOrderId = placed.body.id;
  await payAndSettle(t, buyerToken, paidOrderId);
  const detail = await t.api('GET', `/api/v1/orders/${paidOrderId}`, { token: buyerToken });
  const requested = await t.api('POST', `/api/v1/orders/${paidOrderId}/after-sales`, {
    token: buyerToken,
    body: {
      type: 'refund_only',
      reason: 'ordered_by_mistake',
      lines: [{ orderItemId: detail.body.items[0].id, quantity: 1 }],
    },
  });
  expect(requested.body).toMatchObject({ id: expect.any(Number) });
  afterSaleId = requested.body.id;
  const group = await t.api('POST', '/api/v1/groupbuy/groups', {
    token: buyerToken,
    body: { campaignId: campaign.body.id, skuId: product.skuId, addressId },
  });
  expect(group.status).toBeLessThan(300);
  groupCode = group.body.group.code;
  const cart = await t.api('POST', '/api/v1/cart/items', {
    token: buyerToken,
    body: { skuId: product.skuId, quantity: 1 },
  });
  expect(cart.status).toBeLessThan(300);
}, 6 * TIMEOUT);

afterAll(async () => {
  await shop?.close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test('H5 shop: axe-core finds nothing', async () => {
  const findings: Finding[] = [];
  const at = async (name: string, hash: string, ready: string) => {
    await page.goto(`${server.baseUrl}/#/${hash}`);
    await visible(page, ready).waitFor();
    findings.push(...(await audit(page, name)));
  };
  await at('h5-home', 'pages/home/index', '.home__cell');
  await at('h5-category', 'pages/category/index', '.category__item');
  await at('h5-product', `subpackages/product/detail/index?id=${product.id}`, '.gb-section');
  await at('h5-group', `subpackages/groupbuy/group/index?code=${groupCode}`, '.gb-status');
  await at('h5-groupbuy-list', 'subpackages/groupbuy/list/index', '.shop-line');
  await at('h5-me', 'pages/me/index', '.me-orders');
  await at('h5-addresses', 'subpackages/user/addresses/index', '.address-new');
  await visible(page, '.address-new').click();
  await visible(page, '.address-form').waitFor();
  findings.push(...(await audit(page, 'h5-address-form')));
  await at('h5-orders', 'subpackages/order/list/index', '.shop-line');
  await at('h5-order-detail', `subpackages/order/detail/index?id=${paidOrderId}`, '.shop-line');
  await at('h5-after-sale', `subpackages/order/after-sale/detail/index?id=${afterSaleId}`, '.shop-card');
  await at('h5-cart', 'pages/cart/index', '.cart-item');
  // the line's select mark is a checkbox a keyboard can work: Space clears it, Enter sets it again
  const check = visible(page, '.cart-item__check');
  await expect(check.getAttribute('role')).resolves.toBe('checkbox');
  await expect(check.getAttribute('aria-checked')).resolves.toBe('true');
  await check.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(
    () => document.querySelector('.cart-item__check')?.getAttribute('aria-checked') === 'false',
  );
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => document.querySelector('.cart-item__check')?.getAttribute('aria-checked') === 'true',
  );

  // checkout → cashier → result, as a buyer goes
  await visible(page, '.cart-checkout').click();
  await visible(page, '.address-item--selected').waitFor();
  findings.push(...(await audit(page, 'h5-checkout')));
  await visible(page, '.checkout-submit').click();
  await visible(page, '.cashier-pay').waitFor();
  await page.waitForFunction(() => document.querySelector('.cashier__amount')?.textContent?.includes('¥') ?? false);
  findings.push(...(await audit(page, 'h5-cashier')));
  await payInSandboxCashier(page, '¥');
  await page.locator('.pay-result__title:visible', { hasText: '支付成功' }).waitFor();
  findings.push(...(await audit(page, 'h5-pay-result')));

  expectAccessible(findings);
});

test('admin: axe-core finds nothing', async () => {
  const admin = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', bypassCSP: true });
  admin.setDefaultTimeout(TIMEOUT);
  const findings: Finding[] = [];
  await admin.goto(`${server.baseUrl}/admin/login`);
  await admin.locator('#username').waitFor();
  findings.push(...(await audit(admin, 'admin-login')));
  await admin.locator('#username').fill(server.admin.username);
  await admin.locator('#password').fill(server.admin.password);
  await admin.locator('button[type="submit"]', { hasText: '登录' }).click();
  await admin.waitForURL(/\/admin\/products/);
  for (const route of ['products', 'orders', 'after-sales', 'groupbuy']) {
    await admin.goto(`${server.baseUrl}/admin/${route}`);
    await admin.locator('.ant-table-row').first().waitFor();
    findings.push(...(await audit(admin, `admin-${route}`)));
  }
  await admin.close();
  expectAccessible(findings);
});

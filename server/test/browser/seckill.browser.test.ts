// Seckill in real Chromium: an item waits in a session to come (即将开始); the sandbox clock opens the session; user
// A grabs the one unit on the H5 build (queued → ordered → the sandbox cashier) and pays; user B then sees 已抢光 on
// the seckill page and on the product page's banner. The operator sees the sold unit and a clean reconciliation.
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
const HOUR = 3_600_000;
jest.setTimeout(4 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
let productId: number;
let sessionId: number;
let itemId: number;
let startAt: Date;

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SCREENSHOTS, `seckill-${name}.png`), animations: 'disabled' });
const visible = (p: Page, selector: string, hasText?: string) =>
  p.locator(`${selector}:visible`, hasText ? { hasText } : {}).first();

async function shopper(phone: string): Promise<Page> {
  const ctx = await mobileContext(browser);
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await h5Login(page, server.baseUrl, phone);
  return page;
}

/** The seckill page on our session's tab, its item card in view. */
async function openOurSession(page: Page) {
  await page.goto(`${server.baseUrl}/#/subpackages/seckill/list/index`);
  await visible(page, `.sk-tab[data-session="${sessionId}"]`).click();
  await visible(page, `.sk-item[data-item="${itemId}"]`).waitFor();
  return visible(page, `.sk-item[data-item="${itemId}"]`);
}

beforeAll(async () => {
  server = await startBrowserServer();
  browser = await launchChromium();
  const admin = await adminLogin(server.server);
  const product = await server.server.api('POST', '/api/admin/v1/products', {
    token: admin,
    body: { title: '秒杀测试·山竹 2 斤', skus: [{ priceFen: 5990, stock: 10 }] },
  });
  productId = product.body.id;
  // a one-hour session from the next whole hour: still to come when the test starts
  startAt = new Date((Math.floor(server.server.rt.clock.now().getTime() / HOUR) + 1) * HOUR);
  const session = await server.server.api('POST', '/api/admin/v1/seckill/sessions', {
    token: admin,
    body: { startAt: startAt.toISOString(), endAt: new Date(startAt.getTime() + HOUR).toISOString() },
  });
  sessionId = session.body.id;
  const item = await server.server.api('POST', `/api/admin/v1/seckill/sessions/${sessionId}/items`, {
    token: admin,
    body: { skuId: product.body.skus[0].id, priceFen: 990, stock: 1, perUserLimit: 1 },
  });
  expect(item.status).toBe(201);
  itemId = item.body.id;
}, 4 * TIMEOUT);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test('the sandbox clock opens the session; A grabs the last unit and pays; B sees 已抢光', async () => {
  const a = await shopper('13900005555');
  const upcoming = await openOurSession(a);
  expect(await visible(a, `.sk-tab[data-session="${sessionId}"]`).textContent()).toContain('即将开始');
  expect(await upcoming.locator('.sk-state--remind').textContent()).toBe('即将开始');
  expect(await visible(a, '.sk-countdown').textContent()).toContain('距开抢还有');
  await shot(a, '01-upcoming');

  const now = server.server.rt.clock.now().getTime();
  const moved = await server.server.api('POST', '/sandbox/clock', {
    body: { advanceMs: startAt.getTime() - now + 1000 },
  });
  expect(moved.status).toBe(200);

  const open = await openOurSession(a);
  expect(await visible(a, `.sk-tab[data-session="${sessionId}"]`).textContent()).toContain('抢购中');
  expect(await visible(a, '.sk-countdown').textContent()).toContain('距本场结束');
  expect(await open.locator('.sk-progress__text').textContent()).toBe('已抢 0%');
  await shot(a, '02-open');
  await open.locator('.sk-grab').click();
  await a.waitForURL(/seckill\/grab\/index/);
  await fillAddressForm(a, {
    name: '张秒杀',
    phone: '13900005555',
    region: ['上海市', '上海市', '徐汇区'],
    detail: '漕溪北路 8 号',
  });
  await visible(a, '.address-item--selected').waitFor();
  await shot(a, '03-grab');
  // the attempt carries the intent's Idempotency-Key; a double tap is one attempt
  const attempting = a.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/api/v1/seckill/items/'));
  await visible(a, '.sk-grab').dblclick();
  expect((await attempting).headers()['idempotency-key']).toMatch(/^[\w-]{8,64}$/);
  await a.waitForURL(/order\/cashier\/index/);
  await payInSandboxCashier(a, '¥17.90'); // ¥9.90 seckill price + ¥8 shipping under ¥99
  await a.waitForFunction(() => document.querySelector('.pay-result__title')?.textContent === '支付成功', undefined, {
    timeout: TIMEOUT,
  });
  await shot(a, '04-paid');

  const orders = await server.server.models.order.Order.findAll({ where: { kind: 'seckill' } });
  expect(orders).toHaveLength(1);
  expect(orders[0]!.getDataValue('status')).toBe('to_ship');
  expect(orders[0]!.getDataValue('paidFen')).toBe(990 + 800);

  const b = await shopper('13900006666');
  const gone = await openOurSession(b);
  expect(await gone.locator('.sk-state--sold_out').textContent()).toBe('已抢光');
  expect(await gone.locator('.sk-progress__text').textContent()).toBe('已抢 100%');
  await shot(b, '05-sold-out');
  await b.goto(`${server.baseUrl}/#/subpackages/product/detail/index?id=${productId}`);
  expect(await visible(b, '.sk-banner').textContent()).toContain('已抢光');
  expect(await visible(b, '.sk-banner').textContent()).toContain('¥9.90');
  await shot(b, '06-product-banner');
});

test('admin: the session in the calendar, the item sold 1 of 1, and Redis agreeing with the database', async () => {
  const admin = await adminPage(browser, server.baseUrl, server.admin, TIMEOUT);
  await admin.goto(`${server.baseUrl}/admin/seckill`);
  await admin.locator(`[data-testid="sk-session"][data-session="${sessionId}"]`).click();
  const row = admin.locator('.sk-item-table tbody tr', { hasText: '秒杀测试·山竹' });
  await row.waitFor();
  // 秒杀价, 限购, 库存, 已售, 待付款, 剩余, Redis 剩余, 已退回
  await admin.waitForFunction(
    (text) => [...document.querySelectorAll('.sk-item-table tbody tr')].some((r) => r.textContent?.includes(text)),
    '¥9.9011100',
  );
  await row.locator('[data-testid="sk-reconcile"]').click();
  const view = admin.locator('[data-testid="sk-reconciliation"]');
  await view.waitFor();
  expect(await view.textContent()).toContain('一致');
  await settled(admin);
  await admin.screenshot({ path: path.join(SCREENSHOTS, 'seckill-07-admin.png'), animations: 'disabled' });
});

// The console's 优惠券 page in real Chromium: an operator creates a 满减 coupon with the form, the list shows its
// terms the way the shop reads them, and a shopper's claim shows in its figures.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buyers } from '../support/seckill';
import { adminPage, launchChromium, SCREENSHOTS, settled, startBrowserServer } from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(3 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startBrowserServer();
  browser = await launchChromium();
}, 3 * TIMEOUT);
afterAll(async () => {
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test('creates 满100减20 with the form; the list shows its terms, and a claim shows in its figures', async () => {
  const page = await adminPage(browser, server.baseUrl, server.admin, TIMEOUT);
  await page.goto(`${server.baseUrl}/admin/coupons`);
  await page.locator('[data-testid="coupon-new"]').click();
  await page.locator('[data-testid="coupon-name"]').fill('浏览器测试·满100减20');
  await page.locator('[data-testid="coupon-threshold"]').fill('100');
  await page.locator('[data-testid="coupon-amount"]').fill('20');
  await page.locator('input[data-testid="coupon-total"], [data-testid="coupon-total"] input').first().fill('50');
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/admin/v1/coupons') && r.request().method() === 'POST',
  );
  await page.locator('[data-testid="coupon-save"]').click();
  expect((await saved).status()).toBe(201);
  const row = page.locator('.coupon-table tbody tr', { hasText: '浏览器测试·满100减20' });
  await row.waitFor();
  expect(await row.textContent()).toContain('满100减20');
  expect(await row.textContent()).toContain('领取后 7 天');

  const id = (await server.server.models.coupon.Template.findOne({
    where: { name: '浏览器测试·满100减20' },
  }))!.getDataValue('id');
  const [shopper] = await buyers(server.server, 'coupon-browser', 1);
  expect(
    (await server.server.api('POST', `/api/v1/coupons/${id}/claim`, { token: shopper!.token, body: {} })).status,
  ).toBe(201);
  await page.reload();
  // 总量 50, 已领 1, 已用 0, 剩余 49
  await page.waitForFunction(
    (text) => [...document.querySelectorAll('.coupon-table tbody tr')].some((r) => r.textContent?.includes(text)),
    '5010491',
  );
  await settled(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-coupons.png'), animations: 'disabled' });
});

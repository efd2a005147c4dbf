// The shop's pages on the phone widths people use (320–430 px): 我的订单's status tabs fit (已退款 was half off the
// screen at 390 px), and no page trips the Content-Security-Policy (the harness fails a test on any violation).
//
// Taro's H5 router keeps pages it has shown in the DOM (hidden), so every locator here is `:visible`.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { h5Login, launchChromium, mobileContext, routerAtRest, SCREENSHOTS, startBrowserServer } from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(4 * TIMEOUT);

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

test('the tab bar switches 首页 ⇄ 我的, logged out and after login, without a CSP violation', async () => {
  const context = await mobileContext(browser);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(`${server.baseUrl}/`);
  await routerAtRest(page, 'pages/home/index');
  // through the tab bar, as people get there (its items are javascript: links the CSP refuses to follow)
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await routerAtRest(page, 'pages/me/index');
  await page.locator('.me-login:visible').waitFor();
  await page.locator('.weui-tabbar__item', { hasText: '首页' }).click();
  await routerAtRest(page, 'pages/home/index');
  await h5Login(page, server.baseUrl, '13900007777');
  // back from login on a new home page, the older 我的 tab is shown over it, not under it (the router guard once
  // un-hid the page just left, the last in the DOM)
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await routerAtRest(page, 'pages/me/index');
  await page.locator('.me-nickname:visible').waitFor();
  await page.locator('.me-orders:visible').click();
  await routerAtRest(page, 'subpackages/order/list');
  await context.close();
});

test.each([320, 375, 390, 430])('我的订单 status tabs all fit on screen at %i px', async (width) => {
  const context = await mobileContext(browser, { viewport: { width, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await h5Login(page, server.baseUrl, `139000077${String(width).slice(0, 2)}`); // one phone per width: the SMS cooldown
  await page.goto(`${server.baseUrl}/#/subpackages/order/list/index`);
  await routerAtRest(page, 'subpackages/order/list');
  const tabs = page.locator('.shop-tab:visible');
  await tabs.last().waitFor();
  expect(await tabs.allTextContents()).toEqual(['全部', '待付款', '待成团', '待发货', '已发货', '已完成', '已退款']);
  for (const tab of await tabs.all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width + 0.5);
  }
  // and the row itself does not scroll sideways (a tab hidden off screen is a tab nobody finds)
  const row = page.locator('.shop-tabs:visible');
  expect(await row.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  if (width === 320) {
    await page.screenshot({ path: path.join(SCREENSHOTS, 'shop-widths-order-tabs-320.png'), animations: 'disabled' });
  }
  await context.close();
});

// The admin console in a real browser against a real server (MariaDB, demo data): login, the product list,
// search. Needs admin/dist (npm run build -w admin) and Chromium at /usr/bin/chromium.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startBrowserServer } from './harness';

/** per browser step; a test gets two, so a stuck step fails with Playwright's message rather than Jest's */
const TIMEOUT = 60_000;
const SHOTS = path.join(__dirname, '__screenshots__');

const ROWS = '.product-table .ant-table-tbody tr.ant-table-row';
const TOTAL = '.product-table .ant-pagination-total-text';

jest.setTimeout(2 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  // viewport only: a full-page shot resizes the viewport and can freeze antd's CSS motions mid-way
  await page.screenshot({ path: path.join(SHOTS, `admin-${name}.png`) });
}

/** "共 27 件商品" → 27 */
async function paginationTotal(): Promise<number> {
  const text = (await page.locator(TOTAL).textContent()) ?? '';
  const match = /(\d+)/.exec(text);
  if (!match) throw new Error(`no total in pagination text "${text}"`);
  return Number(match[1]);
}

async function submitLogin(username: string, password: string): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  // by text, not accessible name: the button's fading loading icon (aria-label "loading") may linger in its name
  await page.locator('button[type="submit"]', { hasText: '登录' }).click();
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startBrowserServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(TIMEOUT);
  page.setDefaultNavigationTimeout(TIMEOUT);
}, 4 * TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, TIMEOUT);

describe('admin console', () => {
  test('an anonymous visit to /admin/ lands on the login page', async () => {
    await page.goto(`${server.baseUrl}/admin/`);
    await page.waitForURL(/\/admin\/login$/);
    await page.locator('#username').waitFor({ state: 'visible' });
    await page.locator('#password').waitFor({ state: 'visible' });
  });

  test('a wrong password shows the API error and stays on login', async () => {
    await submitLogin(server.admin.username, `${server.admin.password}-wrong`);
    const error = page.locator('.login-error');
    await error.waitFor({ state: 'visible' });
    expect(((await error.textContent()) ?? '').trim()).not.toBe('');
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await shot('01-login-error');
  });

  test('the operator logs in and sees the product list', async () => {
    await submitLogin(server.admin.username, server.admin.password);
    await page.waitForURL(/\/admin\/products/);
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length >= 10, ROWS);
    await page.locator(TOTAL).waitFor({ state: 'visible' });

    expect(await page.locator(ROWS).count()).toBeGreaterThanOrEqual(10);
    expect(await paginationTotal()).toBeGreaterThanOrEqual(20);
    expect((await page.locator('.current-operator').textContent())?.trim()).toBe(server.admin.username);
    await shot('02-product-list');
  });

  test('searching a keyword from the first title narrows the list', async () => {
    const before = await paginationTotal();
    const title = ((await page.locator(`${ROWS} .product-title`).first().textContent()) ?? '').trim();
    expect(title).not.toBe('');
    // the longest word of the title: specific enough to match fewer products than the whole catalogue
    const keyword = title
      .split(/\s+/)
      .reduce((a, b) => (b.length > a.length ? b : a), '')
      .slice(0, 32);

    const search = page.locator('.product-search input');
    await search.fill(keyword);
    await search.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === keyword);
    await page.waitForFunction(
      ([sel, n]) => {
        const m = /(\d+)/.exec(document.querySelector(sel as string)?.textContent ?? '');
        return m !== null && Number(m[1]) < (n as number);
      },
      [TOTAL, before] as const,
    );

    const after = await paginationTotal();
    expect(after).toBeGreaterThanOrEqual(1);
    expect(after).toBeLessThan(before);
    const titles = await page.locator(`${ROWS} .product-title`).allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(1);
    for (const t of titles) expect(t.toLowerCase()).toContain(keyword.toLowerCase());
    await shot('03-product-search');
  });
});

// The H5 shop (miniapp/dist/h5, served at `/`) in a real mobile-sized browser against a real server (MariaDB,
// demo data, SANDBOX=1): phone + SMS login with the sandbox code, the product list, a product's detail, the
// "me" page and logout. Needs the H5 build (npm run build:h5 -w miniapp) and Chromium at /usr/bin/chromium.
//
// Taro's H5 router keeps pages it has shown in the DOM (hidden), so every locator here is `:visible`.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, mobileContext, startBrowserServer } from './harness';

/** per browser step (the CI machine has 2 cores) */
const TIMEOUT = 60_000;
const SHOTS = path.join(__dirname, '__screenshots__');
const PHONE = '13800138000';

const CARD = '.product-card:visible';

jest.setTimeout(3 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `h5-${name}.png`) });
}

/** Wait until a newly pushed page has finished sliding in (Taro animates page changes for 300 ms). */
async function settled(selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = [...document.querySelectorAll(sel)].find((e) => (e as HTMLElement).offsetParent) as
      HTMLElement | undefined;
    return (
      !!el &&
      Math.abs(el.getBoundingClientRect().left) < window.innerWidth / 4 &&
      !el
        .closest('.taro_page')
        ?.getAnimations({ subtree: false })
        .some((a) => a.playState === 'running')
    );
  }, selector);
}

function hashPath(): string {
  return new URL(page.url()).hash.replace(/^#/, '').split('?')[0] ?? '';
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startBrowserServer();
  browser = await launchChromium();
  context = await mobileContext(browser);
  page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.setDefaultNavigationTimeout(TIMEOUT);
}, 4 * TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

describe('H5 shop', () => {
  test('phone login with the sandbox SMS code', async () => {
    await page.goto(`${server.baseUrl}/#/pages/login/index`);
    const phone = page.locator('.login-phone:visible input');
    await phone.waitFor({ state: 'visible' });
    await phone.fill(PHONE);
    await page.locator('.login-send-code:visible').click();

    // sandbox mode: the page shows the code a real SMS would carry, and fills it in
    const sandbox = page.locator('.sandbox-code:visible');
    await sandbox.waitFor({ state: 'visible' });
    const match = /沙箱验证码：(\d{6})/.exec((await sandbox.textContent()) ?? '');
    expect(match).not.toBeNull();
    const code = match![1];
    expect(await page.locator('.login-code:visible input').inputValue()).toBe(code);
    await shot('01-login');

    await page.locator('.login-submit:visible').click();
    // login opened first: it leaves for the home tab
    await page.waitForFunction(() => location.hash.startsWith('#/pages/home/index'));
    const token = await page.evaluate(() => localStorage.getItem('linli.token'));
    expect(token).toBeTruthy();
  });

  test('home lists products with a ¥ price', async () => {
    await page.locator(CARD).first().waitFor({ state: 'visible' });
    expect(await page.locator(CARD).count()).toBeGreaterThanOrEqual(1);
    const first = page.locator(CARD).first();
    expect(((await first.locator('.product-card__title').textContent()) ?? '').trim()).not.toBe('');
    expect((await first.locator('.price').textContent()) ?? '').toMatch(/¥\d+\.\d{2}/);
    await shot('02-home');
  });

  test('a product card opens its detail page', async () => {
    const first = page.locator(CARD).first();
    const title = ((await first.locator('.product-card__title').textContent()) ?? '').trim();
    await first.click();

    const detailTitle = page.locator('.product-title:visible');
    await detailTitle.waitFor({ state: 'visible' });
    expect(hashPath()).toBe('/subpackages/product/detail/index');
    expect(((await detailTitle.textContent()) ?? '').trim()).toBe(title);
    expect((await page.locator('.detail__price-row:visible .price').textContent()) ?? '').toMatch(/¥\d+\.\d{2}/);
    await settled('.product-title');
    await shot('03-detail');
  });

  test('the me page shows the signed-in user, and logout signs out', async () => {
    await page.goto(`${server.baseUrl}/#/pages/me/index`);
    const nickname = page.locator('.me-nickname:visible');
    await nickname.waitFor({ state: 'visible' });
    await page.waitForFunction(() => {
      const el = [...document.querySelectorAll('.me-nickname')].find((e) => (e as HTMLElement).offsetParent);
      return !!el && !!el.textContent?.trim() && el.textContent.trim() !== '加载中…';
    });
    expect(((await nickname.textContent()) ?? '').trim()).not.toBe('');
    await shot('04-me');

    await page.locator('.me-logout:visible').click();
    await page.getByText('确定', { exact: true }).click(); // the confirm dialog
    await page.locator('.me-login:visible').waitFor({ state: 'visible' });
    expect(await page.locator('.me-nickname:visible').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('linli.token'))).toBeFalsy();
    await shot('05-me-logged-out');
  });
});

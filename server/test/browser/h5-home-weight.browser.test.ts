// What the H5 home downloads before its first products show, and that they stay put, on the real build in Chromium:
// no swiper library (only the product detail's gallery swipes) and only the NutUI styles of the components the home
// draws; the product grid doesn't jump down when the group-buy banner arrives after it. Needs miniapp/dist/h5.
import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { launchChromium, mobileContext, SCREENSHOTS, startBrowserServer } from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(3 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startBrowserServer();
  browser = await launchChromium();
}, 4 * TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, TIMEOUT);

interface Text {
  url: string;
  type: string;
  body: string;
}

/** The text of every script and stylesheet the page fetches. */
function recordText(page: Page): Promise<Text>[] {
  const bodies: Promise<Text>[] = [];
  page.on('response', (res: Response) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    const url = new URL(res.url()).pathname;
    bodies.push(
      res.text().then(
        (body) => ({ url, type, body }),
        () => ({ url, type, body: '' }),
      ),
    );
  });
  return bodies;
}

test('the home loads no swiper library and only the NutUI styles it draws; the detail still swipes', async () => {
  const context = await mobileContext(browser);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const fetched = recordText(page);
  await page.goto(`${server.baseUrl}/`);
  await page.locator('.product-card__image img').first().waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  const home = await Promise.all(fetched.splice(0));

  // swiper.js names its slides `swiper-slide`; the home's banner is a plain scrolling row
  expect(home.filter((f) => f.type === 'script' && f.body.includes('swiper-slide')).map((f) => f.url)).toEqual([]);
  const css = home.filter((f) => f.type === 'stylesheet');
  // the search bar is the home's one NutUI component; the region picker and the quantity stepper are elsewhere
  expect(css.some((f) => f.body.includes('.nut-searchbar'))).toBe(true);
  expect(css.filter((f) => /\.nut-(cascader|inputnumber|cell)\b/.test(f.body)).map((f) => f.url)).toEqual([]);
  // NutUI's whole stylesheet alone was 230 KB
  expect(css.reduce((sum, f) => sum + f.body.length, 0)).toBeLessThan(80 * 1024);

  // the detail's gallery is a working swiper: its slides are laid out by the library
  await page.locator('.product-card').first().click();
  await page.locator('.detail__swiper .swiper-slide').first().waitFor({ state: 'attached' });
  const detail = await Promise.all(fetched.splice(0));
  expect(detail.some((f) => f.type === 'script' && f.body.includes('swiper-slide'))).toBe(true);
  expect(detail.some((f) => f.type === 'stylesheet' && f.body.includes('.nut-inputnumber'))).toBe(true);
  await context.close();
});

test('the product grid stays put when the group-buy banner comes in after it', async () => {
  const context = await mobileContext(browser);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  // the campaigns answer after the products, as on a slow network
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v1/groupbuy/campaigns**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.baseUrl}/`);
  const firstCard = page.locator('.product-card').first();
  await firstCard.waitFor({ state: 'visible' });
  const before = await firstCard.boundingBox();

  release();
  await page.locator('.home-banner__slide:visible').first().waitFor();
  const after = await firstCard.boundingBox();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'h5-home-banner-late.png') });
  expect(before).not.toBeNull();
  expect(after?.y).toBe(before?.y);
  await context.close();
});

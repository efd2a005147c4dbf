// The H5 home on the demo data, as a first-time visitor sees it: product cards with real pictures (not the
// placeholder) and sales counts, a banner of the group buys running now, and the way into 拼团专区.
//
// Taro's H5 router keeps pages it has shown in the DOM (hidden), so every locator here is `:visible`.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, mobileContext, routerAtRest, SCREENSHOTS, startBrowserServer } from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(3 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let shop: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `demo-home-${name}.png`), animations: 'disabled' });

beforeAll(async () => {
  server = await startBrowserServer();
  browser = await launchChromium();
  shop = await mobileContext(browser);
  page = await shop.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
}, 3 * TIMEOUT);

afterAll(async () => {
  await shop?.close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

/** The loaded <img> elements inside `selector` that are on screen: their src and natural size. */
const loadedImages = (selector: string) =>
  page.evaluate((sel) => {
    const inView = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.bottom > 0 && r.top < window.innerHeight;
    };
    return [...document.querySelectorAll(`${sel} img`)]
      .filter((img) => inView(img) && (img as HTMLImageElement).complete)
      .map((img) => ({ src: (img as HTMLImageElement).src, width: (img as HTMLImageElement).naturalWidth }));
  }, selector);

test('the home shows product pictures, sales and a group-buy banner', async () => {
  await page.goto(`${server.baseUrl}/`);
  const cards = page.locator('.product-card:visible');
  await cards.first().waitFor();
  await page.locator('.home-banner__slide:visible').first().waitFor();

  // pictures, not the placeholder: the cards on screen show decoded WebP pictures of 600 px
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.product-card__image img')].filter(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      ).length >= 2,
  );
  const pictures = await loadedImages('.product-card__image');
  expect(pictures.length).toBeGreaterThanOrEqual(2);
  for (const p of pictures) {
    expect(p.src).toMatch(/\/uploads\/demo\/p\d+-0\.webp$/);
    expect(p.width).toBe(600);
  }
  expect(await page.locator('.product-card__placeholder:visible').count()).toBe(0);

  // sales: no card says 已售 0
  const sales = await page.locator('.product-card__sales:visible').allTextContents();
  expect(sales.length).toBeGreaterThanOrEqual(4);
  for (const s of sales) expect(s).toMatch(/^已售 [1-9]\d*$/);

  // the banner: the group buys running now, each with its picture and group price
  const slides = page.locator('.home-banner__slide:visible');
  expect(await slides.count()).toBeGreaterThanOrEqual(3);
  expect(await slides.first().locator('.home-banner__size').textContent()).toMatch(/^\d+人团$/);
  expect(await slides.first().locator('.price-tag__price').textContent()).toMatch(/^¥\d+\.\d{2}起?$/);
  await page.waitForFunction(
    () => ((document.querySelector('.home-banner__image img') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0,
  );
  await shot('01-first-look');
  expect(pageErrors).toEqual([]);
});

test('拼团专区 lists the running group buys, and a slide opens its product with the group-buy offer', async () => {
  await page.locator('.home-gb-entry:visible').click();
  await page.waitForURL((u) => u.hash.includes('subpackages/groupbuy/list'));
  const campaigns = page.locator('.gb-campaign:visible');
  await campaigns.first().waitFor();
  expect(await campaigns.count()).toBeGreaterThanOrEqual(3);
  await shot('02-groupbuy-list');

  // back on the home as the user sees it: the top page again, the list slid away, the banner drawn
  await page.goBack();
  await routerAtRest(page, 'pages/home/index');
  await page.locator('.home-banner__slide:visible').first().click();
  await page.waitForURL((u) => u.hash.includes('subpackages/product/detail'));
  await page.locator('.gb-section:visible').first().waitFor();
  await shot('03-product-with-group-buy');
  expect(pageErrors).toEqual([]);
});

test('back from 拼团专区 at once (before its slide-in ends) shows the home, not a blank page', async () => {
  await page.goto(`${server.baseUrl}/`);
  await routerAtRest(page, 'pages/home/index');
  await page.locator('.home-gb-entry:visible').click();
  await page.waitForURL((u) => u.hash.includes('subpackages/groupbuy/list'));
  // no wait for the list's slide: Taro's router hid the page it left on a timer that this back did not cancel
  await page.goBack();
  await routerAtRest(page, 'pages/home/index');
  await page.locator('.home-banner__slide:visible').first().waitFor();
  expect(await page.locator('.product-card:visible').count()).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
});

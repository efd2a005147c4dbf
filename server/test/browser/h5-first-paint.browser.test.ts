// The H5 home's way to its first paint, on the real build in Chromium: the home is drawn from the entry's own
// scripts (no page chunks queued behind HTTP/1.1's six connections after them), and index.html asks for the first
// products and the first row's pictures while those scripts still download; the page takes that answer instead of
// asking again. Needs miniapp/dist/h5.
import type { Browser } from 'playwright-core';
import { launchChromium, mobileContext, startBrowserServer } from './harness';

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

test('the home draws from the entry scripts alone', async () => {
  const context = await mobileContext(browser);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname);
  });
  const html = await (await fetch(`${server.baseUrl}/`)).text();
  const entry = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  expect(entry.length).toBeGreaterThan(0);
  await page.goto(`${server.baseUrl}/`);
  await page.locator('.product-card__image img').first().waitFor({ state: 'attached' });
  expect(scripts.filter((s) => !entry.includes(s))).toEqual([]);
  await context.close();
});

test('the first products and pictures are asked for while the scripts download, and asked for once', async () => {
  const context = await mobileContext(browser);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const productLists: string[] = [];
  const pictures: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname === '/api/v1/products') productLists.push(url.search);
    if (url.pathname.startsWith('/uploads/')) pictures.push(url.pathname);
  });
  // the scripts are held back until the list and a picture have been asked for (or 5 s have gone by)
  const seenBeforeScripts: { lists: number; pictures: number }[] = [];
  await page.route(/\/js\/[^/]+\.js$/, async (route) => {
    const until = Date.now() + 5000;
    while ((productLists.length === 0 || pictures.length === 0) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    seenBeforeScripts.push({ lists: productLists.length, pictures: pictures.length });
    await route.continue();
  });
  await page.goto(`${server.baseUrl}/`);
  await page.locator('.home__cell').nth(3).waitFor();
  expect(seenBeforeScripts.length).toBeGreaterThan(0);
  expect(seenBeforeScripts[0]).toEqual({ lists: 1, pictures: expect.any(Number) });
  expect(seenBeforeScripts[0]!.pictures).toBeGreaterThan(0);
  // the page took index.html's answer: one request for the first page, no second one
  expect(productLists).toEqual(['?page=1&pageSize=20']);
  await context.close();
});

// The catalog in the admin, in real Chromium: an operator adds a category, edits a product's SKU price and stock
// in the matrix editor, takes it off the shelf — and the shop's API shows each change (no stale cache).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { adminLogin } from '../support/harness';
import { adminPage, launchChromium, SCREENSHOTS, startBrowserServer } from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(3 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let page: Page;
let productId: number;
const TITLE = '后台编辑测试·五常大米 10 斤';

const shot = (name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `admin-catalog-${name}.png`), animations: 'disabled' });

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startBrowserServer();
  browser = await launchChromium();
  const token = await adminLogin(server.server);
  const created = await server.server.api('POST', '/api/admin/v1/products', {
    token,
    body: { title: TITLE, skus: [{ priceFen: 6900, stock: 30 }] },
  });
  productId = created.body.id;
  page = await adminPage(browser, server.baseUrl, server.admin, TIMEOUT);
}, 3 * TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test('adds a top-level category', async () => {
  await page.goto(`${server.baseUrl}/admin/categories`);
  await page.locator('[data-testid="category-new"]').click();
  await page.locator('[data-testid="category-name"]').fill('粮油米面');
  await page.locator('[data-testid="category-save"]').click();
  await page.locator('[data-testid="category-row"][data-name="粮油米面"]').waitFor();
  await shot('01-categories');
  const list = await server.server.api('GET', '/api/v1/categories');
  expect(list.body.items).toEqual(
    expect.arrayContaining([expect.objectContaining({ name: '粮油米面', parentId: null })]),
  );
});

test('creates a product with a two-value spec in the same matrix editor', async () => {
  await page.goto(`${server.baseUrl}/admin/products`);
  await page.locator('[data-testid="product-new"]').click();
  const drawer = page.locator('.product-create-drawer');
  await drawer.locator('[data-testid="product-title"]').fill('后台新建·东北黑木耳 250g');
  await drawer.locator('[data-testid="spec-add"]').click();
  await drawer.locator('[data-testid="spec-name"]').fill('规格');
  const values = drawer.locator('.spec-attr .ant-select input').first();
  await values.fill('小袋');
  await values.press('Enter');
  await values.fill('大袋');
  await values.press('Enter');
  const prices = drawer.locator('input[data-testid="sku-price"], [data-testid="sku-price"] input');
  await prices.nth(1).waitFor();
  expect(await prices.count()).toBe(2);
  await prices.nth(0).fill('19.90');
  await prices.nth(1).fill('35');
  const stocks = drawer.locator('input[data-testid="sku-stock"], [data-testid="sku-stock"] input');
  await stocks.nth(0).fill('10');
  await stocks.nth(1).fill('5');
  await shot('00-create');
  await drawer.locator('[data-testid="product-save"]').click();
  await drawer.waitFor({ state: 'hidden' });
  const list = await server.server.api('GET', `/api/v1/products?q=${encodeURIComponent('东北黑木耳')}`);
  expect(list.body.items).toHaveLength(1);
  const detail = await server.server.api('GET', `/api/v1/products/${list.body.items[0].id}`);
  expect(
    detail.body.skus.map((s: { specs: Record<string, string>; priceFen: number; stock: number }) => [
      s.specs.规格,
      s.priceFen,
      s.stock,
    ]),
  ).toEqual([
    ['小袋', 1990, 10],
    ['大袋', 3500, 5],
  ]);
});

test('edits the SKU price and stock in the matrix editor; the shop shows them at once', async () => {
  expect((await server.server.api('GET', `/api/v1/products/${productId}`)).body.skus[0].priceFen).toBe(6900); // cached now
  await page.goto(`${server.baseUrl}/admin/products`);
  const row = page.locator('.ant-table-row', { hasText: TITLE });
  await row.locator('[data-testid="product-edit"]').click();
  const price = page
    .locator('[data-testid="sku-price"] input')
    .or(page.locator('input[data-testid="sku-price"]'))
    .first();
  await price.waitFor();
  await price.fill('59.90');
  const stock = page
    .locator('[data-testid="sku-stock"] input')
    .or(page.locator('input[data-testid="sku-stock"]'))
    .first();
  await stock.fill('50');
  await shot('02-edit');
  await page.locator('[data-testid="product-save"]').click();
  await page.locator('.product-edit-drawer').waitFor({ state: 'hidden' });
  const detail = await server.server.api('GET', `/api/v1/products/${productId}`);
  expect(detail.body.skus[0]).toMatchObject({ priceFen: 5990, stock: 50 });
  expect(detail.body.priceFen).toBe(5990);
});

test('takes the product off the shelf from the list', async () => {
  const row = page.locator('.ant-table-row', { hasText: TITLE });
  await row.locator('[data-testid="product-shelf"]').click();
  await expectEventually(async () => (await server.server.api('GET', `/api/v1/products/${productId}`)).status, 404);
  await shot('03-off-shelf');
});

async function expectEventually<T>(probe: () => Promise<T>, want: T) {
  const until = Date.now() + 10_000;
  let got = await probe();
  while (got !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    got = await probe();
  }
  expect(got).toBe(want);
}

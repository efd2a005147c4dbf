// First-use shop flows in real Chromium (issue 10): the product gallery fills any phone's width and the group-buy
// entry is above the fold; the group page shows each viewer the price the cashier then asks for (leader and
// member prices, shipping); after checkout the ordered lines leave the cart, back never finds a live 提交订单,
// and the buyer's note shows on the order page; the operator's list names the buyer (nickname, masked phone),
// the drawer shows the note, and shipping says 已发货.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminLogin } from '../support/harness';
import {
  adminPage,
  h5Login,
  launchChromium,
  mobileContext,
  payInSandboxCashier,
  routerAtRest,
  SCREENSHOTS,
  settled,
  startBrowserServer,
} from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(4 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let admin: string;
const contexts: BrowserContext[] = [];
let groupProduct: { id: number; skuId: number };
let cartProduct: { id: number; skuId: number };
let keptProduct: { id: number; skuId: number };
let paidOrderId: number;

const NOTE = '请放门口';
/** the harness's phone (mobileContext), at the viewport a test picks */
const CART_BUYER = '13800138000';

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SCREENSHOTS, `shop-flows-${name}.png`), animations: 'disabled' });
const visible = (p: Page, selector: string) => p.locator(`${selector}:visible`).first();
const text = async (p: Page, selector: string) => (await visible(p, selector).textContent()) ?? '';

/** Two distinct PNGs (a gallery counter needs two images), uploaded as an operator would. */
async function uploadImage(color: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 60, height: 60 } });
  await page.setContent(`<body style="margin:0;background:${color}"></body>`);
  const png = await page.screenshot();
  await page.close();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${color.slice(1)}.png`);
  const res = await fetch(`${server.baseUrl}/api/admin/v1/uploads/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}` },
    body: form,
  });
  expect(res.status).toBeLessThan(300);
  return ((await res.json()) as { url: string }).url;
}

async function product(title: string, priceFen: number, images: string[] = []) {
  const res = await server.server.api('POST', '/api/admin/v1/products', {
    token: admin,
    body: { title, images, skus: [{ priceFen, stock: 20 }] },
  });
  expect(res.status).toBe(201);
  return { id: res.body.id as number, skuId: res.body.skus[0].id as number };
}

/** A shopper signed in on a phone, with a default address made through the API (the form is tested elsewhere). */
async function shopper(phone: string, viewport = { width: 375, height: 812 }) {
  const ctx = await mobileContext(browser, { viewport });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await h5Login(page, server.baseUrl, phone);
  const token = await page.evaluate(() => {
    // Taro's H5 storage keeps `{"data": value}`
    const raw = localStorage.getItem('linli.token')!;
    const stored = JSON.parse(raw) as string | { data: string };
    return typeof stored === 'string' ? stored : stored.data;
  });
  const address = await server.server.api('POST', '/api/v1/addresses', {
    token,
    body: { name: '张三', phone, province: '上海市', city: '上海市', district: '徐汇区', detail: '漕溪北路 8 号' },
  });
  expect(address.status).toBe(201);
  return { page, token };
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startBrowserServer();
  browser = await launchChromium();
  admin = await adminLogin(server.server);
  const images = [await uploadImage('#e8a33d'), await uploadImage('#3d8be8')];
  groupProduct = await product('首用测试·阳山水蜜桃 6 只', 5990, images);
  cartProduct = await product('首用测试·五常大米 5kg', 12900);
  keptProduct = await product('首用测试·留在购物车的茶叶', 3000);
  const campaign = await server.server.api('POST', '/api/admin/v1/groupbuy/campaigns', {
    token: admin,
    body: {
      productId: groupProduct.id,
      size: 2,
      skus: [{ skuId: groupProduct.skuId, groupPriceFen: 2990, leaderPriceFen: 2590 }],
    },
  });
  expect(campaign.status).toBe(201);
}, 4 * TIMEOUT);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test.each([
  { width: 390, height: 844 },
  { width: 375, height: 812 },
])('product page at $width×$height: the gallery fills the width; the group-buy entry is above the fold', async (vp) => {
  const ctx = await mobileContext(browser, { viewport: vp });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(`${server.baseUrl}/#/subpackages/product/detail/index?id=${groupProduct.id}`); // a fresh load
  await visible(page, '.detail__image').waitFor();
  await visible(page, '.gb-section').waitFor();
  await settled(page); // the swiper has laid out its slides
  await shot(page, `01-product-${vp.width}`);

  const box = async (selector: string) => (await visible(page, selector).boundingBox())!;
  const gallery = await box('.detail__swiper');
  expect(gallery.x).toBeCloseTo(0, 0);
  expect(gallery.width).toBeCloseTo(vp.width, 0);
  expect(gallery.height).toBeCloseTo(vp.width, 0);
  const image = await box('.detail__image');
  expect(image.x).toBeGreaterThanOrEqual(-0.5);
  expect(image.x + image.width).toBeCloseTo(vp.width, 0);
  const counter = await box('.detail__counter');
  expect(await text(page, '.detail__counter')).toBe('1/2');
  expect(counter.x + counter.width).toBeLessThanOrEqual(vp.width);
  expect(counter.y + counter.height).toBeLessThanOrEqual(gallery.y + gallery.height);
  // painted on top of the images, not under them
  const onTop = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.detail__counter'), {
    x: counter.x + counter.width / 2,
    y: counter.y + counter.height / 2,
  });
  expect(onTop).toBe(true);

  // above the fold: the whole entry (price and 发起拼团) shows above the bottom bar without scrolling
  const entry = await box('.gb-section');
  const bar = await box('.detail__bar');
  expect(entry.y + entry.height).toBeLessThanOrEqual(bar.y);
  expect(await text(page, '.gb-section')).toContain('¥29.90');
  expect(await text(page, '.gb-section')).toContain('团长价 ¥25.90');
});

test('group page: the leader and a joiner each see the price, shipping and total they are then charged', async () => {
  const a = await shopper('13900005555');
  await a.page.goto(`${server.baseUrl}/#/subpackages/product/detail/index?id=${groupProduct.id}`);
  await visible(a.page, '.gb-open').click();
  await visible(a.page, '.gb-submit').waitFor();
  // opening: the leader price, both prices named, shipping under ¥99, and the total on the button
  expect(await text(a.page, '.gb-seat-price__unit')).toContain('团长价 ¥25.90');
  expect(await text(a.page, '.gb-seat-price__both')).toContain('团员价 ¥29.90');
  expect(await text(a.page, '.gb-seat-price__shipping')).toBe('¥8.00');
  expect(await text(a.page, '.gb-seat-price__payable')).toBe('¥33.90');
  expect(await text(a.page, '.gb-submit')).toContain('¥33.90');
  await visible(a.page, '.address-item--selected').waitFor();
  await shot(a.page, '02-group-open');
  await visible(a.page, '.gb-submit').click();
  await payInSandboxCashier(a.page, '¥33.90'); // what was shown is what the cashier asks
  await a.page.waitForURL(/groupbuy\/group\/index\?code=/, { timeout: TIMEOUT });
  await a.page.locator('.gb-status:visible', { hasText: '拼团中' }).waitFor();
  const code = new URL(a.page.url().replace('#', '')).searchParams.get('code')!;

  const b = await shopper('13900006666');
  await b.page.goto(`${server.baseUrl}/#/subpackages/groupbuy/group/index?code=${code}`);
  await visible(b.page, '.gb-join').waitFor();
  // a joiner is shown the member price, not the leader's
  expect(await text(b.page, '.gb-seat-price__unit')).toContain('团员价 ¥29.90');
  expect(await text(b.page, '.gb-seat-price__payable')).toBe('¥37.90');
  await shot(b.page, '03-group-join');
  await visible(b.page, '.gb-join').click();
  await visible(b.page, '.address-item--selected').waitFor();
  expect(await text(b.page, '.gb-submit')).toContain('¥37.90');
  await visible(b.page, '.gb-submit').click();
  await payInSandboxCashier(b.page, '¥37.90');
  await b.page.locator('.gb-status:visible', { hasText: '拼团成功' }).waitFor();

  const paid = (await server.server.models.order.Order.findAll({ where: { kind: 'groupbuy' } })).map((o) =>
    o.get({ plain: true }),
  );
  expect(paid.map((o) => o.paidFen).sort()).toEqual([3390, 3790]);
});

test('cart → checkout with a note → pay → back: the lines left the cart and 提交订单 is not live again', async () => {
  const c = await shopper(CART_BUYER);
  const add = (skuId: number) =>
    server.server.api('POST', '/api/v1/cart/items', { token: c.token, body: { skuId, quantity: 1 } });
  const kept = await add(keptProduct.skuId);
  const keptLine = kept.body.items.find((i: { skuId: number }) => i.skuId === keptProduct.skuId);
  // not selected: not ordered, so it stays
  await server.server.api('PATCH', `/api/v1/cart/items/${keptLine.id}`, {
    token: c.token,
    body: { selected: false },
  });
  await add(cartProduct.skuId);

  await c.page.goto(`${server.baseUrl}/#/pages/cart/index`);
  await c.page.locator('.cart-item:visible').nth(1).waitFor();
  await visible(c.page, '.cart-checkout').click();
  await visible(c.page, '.address-item--selected').waitFor();
  await visible(c.page, '.checkout-remark input').fill(NOTE);
  expect(await text(c.page, '.checkout-payable')).toContain('¥129.00');
  await visible(c.page, '.checkout-submit').click();
  await payInSandboxCashier(c.page, '¥129.00');
  await c.page.waitForFunction(() =>
    [...document.querySelectorAll('.pay-result__title')].some((e) => e.textContent === '支付成功'),
  );
  paidOrderId = Number(new URL(c.page.url().replace('#', '')).searchParams.get('orderId'));
  expect(paidOrderId).toBeGreaterThan(0);

  // back from the paid order: the checkout was replaced in the stack, so it is not there with a live button
  await c.page.goBack();
  await routerAtRest(c.page);
  await shot(c.page, '04-back-after-paying');
  expect(c.page.url()).not.toContain('order/checkout');
  expect(await c.page.locator('.checkout-submit:visible').count()).toBe(0);

  // the ordered line left the cart; the unselected one stayed
  await c.page.goto(`${server.baseUrl}/#/pages/cart/index`);
  await c.page.locator('.cart-item:visible', { hasText: '留在购物车的茶叶' }).waitFor();
  expect(await c.page.locator('.cart-item:visible').count()).toBe(1);
  expect(await c.page.locator('.cart-item:visible', { hasText: '五常大米' }).count()).toBe(0);
  await shot(c.page, '05-cart-after-order');

  // the note on the buyer's order page
  await c.page.goto(`${server.baseUrl}/#/subpackages/order/detail/index?id=${paidOrderId}`);
  await visible(c.page, '.order-remark').waitFor();
  expect(await text(c.page, '.order-remark')).toContain(NOTE);
  await shot(c.page, '06-order-note');
});

test('admin: the list names the buyer with a masked phone; the drawer shows the note; 发货 says 已发货', async () => {
  expect(paidOrderId).toBeGreaterThan(0);
  const page = await adminPage(browser, server.baseUrl, server.admin, TIMEOUT);
  const listed = page.waitForResponse((r) => r.url().includes('/api/admin/v1/orders?') && r.status() === 200);
  await page.goto(`${server.baseUrl}/admin/orders`);
  const body = await (await listed).text();
  expect(body).not.toContain(CART_BUYER); // masked on the server: the full number never reaches the list
  const orderNo = (await server.server.models.order.Order.findByPk(paidOrderId))!.getDataValue('orderNo');
  const row = page.locator('[data-testid="order-row"]', { hasText: orderNo });
  await row.waitFor();
  expect(await row.locator('[data-testid="order-buyer"]').textContent()).toBe('邻里用户8000 138****8000');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'shop-flows-07-admin-list.png') });

  await row.click();
  await page.locator('.order-drawer-status', { hasText: '待发货' }).waitFor();
  expect(await page.locator('.order-drawer-remark').textContent()).toBe(NOTE);
  await page.locator('[data-testid="order-ship-carrier"]').click();
  await page.locator('.ant-select-item-option', { hasText: '顺丰速运' }).click();
  await page.locator('[data-testid="order-ship-tracking"]').fill('SF0000000010');
  await page.locator('[data-testid="order-ship-submit"]').click();
  await page.locator('.ant-message-notice', { hasText: '已发货' }).waitFor();
  expect(await page.locator('.ant-message-notice', { hasText: '已完成' }).count()).toBe(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'shop-flows-08-admin-shipped.png') });
  await page.close();
});

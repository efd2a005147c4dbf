// Login that keeps what the visitor was doing: a tap that needs a user (加入购物车, 立即购买, 发起拼团) sends them to
// login and is carried out when they are back (加入购物车 used to bring them back with nothing added). In sandbox
// mode the H5 login page also offers the WeChat login simulator (`sim_<name>`, as the start log says); a server
// outside sandbox mode does not get it.
//
// Taro's H5 router keeps pages it has shown in the DOM (hidden), so every locator here is `:visible`.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/harness';
import { launchChromium, mobileContext, routerAtRest, SCREENSHOTS, startBrowserServer } from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(4 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startBrowserServer();
  browser = await launchChromium();
}, 3 * TIMEOUT);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

async function visitor(): Promise<Page> {
  const context = await mobileContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  return page;
}

/** The demo's products: one with a single SKU and no group buy, and one with a running group buy. */
async function demoProducts() {
  const campaigns = await server.server.api<{ items: { productId: number; id: number }[] }>(
    'GET',
    '/api/v1/groupbuy/campaigns',
  );
  const grouped = new Set(campaigns.body.items.map((c) => c.productId));
  const products = await server.server.models.catalog.Product.findAll({ include: ['skus'] as never });
  const plain = products.find((p) => {
    const skus = (p.get('skus') as unknown[]) ?? [];
    return skus.length === 1 && !grouped.has(p.getDataValue('id'));
  });
  return { plainId: plain!.getDataValue('id'), groupCampaign: campaigns.body.items[0]! };
}

/** On the login page: sign in through the WeChat sandbox login as `name`. */
async function sandboxWechatLogin(page: Page, name: string) {
  await routerAtRest(page, 'pages/login');
  const form = page.locator('.login-sandbox-wechat:visible');
  await form.waitFor();
  await form.locator('input').fill(name);
  await form.locator('.login-sandbox-submit').click();
  await page.waitForFunction(() => !!localStorage.getItem('linli.token'));
  await page.waitForURL((u) => !u.hash.includes('pages/login'));
}

/** The session token the shop keeps (Taro's H5 storage wraps each value as `{"data": …}`). */
const tokenOf = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('linli.token') ?? 'null';
    const v = JSON.parse(raw) as unknown;
    return (v && typeof v === 'object' && 'data' in v ? (v as { data: string }).data : v) as string;
  });

test('加入购物车 while logged out: after the login it sent them to, the line is in the cart', async () => {
  const { plainId } = await demoProducts();
  const page = await visitor();
  await page.goto(`${server.baseUrl}/#/subpackages/product/detail/index?id=${plainId}`);
  await routerAtRest(page, 'subpackages/product/detail');
  await page.locator('.add-to-cart:visible').click();
  await routerAtRest(page, 'pages/login');
  await page.locator('.login-sandbox-wechat:visible').waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'login-resume-01-login.png'), animations: 'disabled' });
  await sandboxWechatLogin(page, 'resume_cart');
  await routerAtRest(page, 'subpackages/product/detail');
  await page.getByText('已加入购物车').waitFor();

  const token = await tokenOf(page);
  const cart = await server.server.api<{ items: { productId: number; quantity: number }[] }>('GET', '/api/v1/cart', {
    token,
  });
  expect(cart.body.items).toEqual([expect.objectContaining({ productId: plainId, quantity: 1 })]);
  // once only: showing the page again adds nothing more
  await page.goto(`${server.baseUrl}/#/pages/home/index`);
  await page.goto(`${server.baseUrl}/#/subpackages/product/detail/index?id=${plainId}`);
  await routerAtRest(page, 'subpackages/product/detail');
  const again = await server.server.api<{ items: { quantity: number }[] }>('GET', '/api/v1/cart', { token });
  expect(again.body.items.map((i) => i.quantity)).toEqual([1]);
});

test('立即购买 and 发起拼团 while logged out go on to checkout and the new group after login', async () => {
  const { plainId, groupCampaign } = await demoProducts();
  const page = await visitor();
  await page.goto(`${server.baseUrl}/#/subpackages/product/detail/index?id=${plainId}`);
  await routerAtRest(page, 'subpackages/product/detail');
  await page.locator('.buy-now:visible').click();
  await sandboxWechatLogin(page, 'resume_buy');
  await routerAtRest(page, 'subpackages/order/checkout');

  const second = await visitor();
  await second.goto(`${server.baseUrl}/#/subpackages/product/detail/index?id=${groupCampaign.productId}`);
  await routerAtRest(second, 'subpackages/product/detail');
  await second.locator('.gb-open:visible').click();
  await sandboxWechatLogin(second, 'resume_group');
  await routerAtRest(second, 'subpackages/groupbuy/group');
  expect(second.url()).toContain(`open=${groupCampaign.id}`);
});

test('leaving the login page without logging in drops the tap', async () => {
  const { plainId } = await demoProducts();
  const page = await visitor();
  await page.goto(`${server.baseUrl}/#/subpackages/product/detail/index?id=${plainId}`);
  await routerAtRest(page, 'subpackages/product/detail');
  await page.locator('.add-to-cart:visible').click();
  await routerAtRest(page, 'pages/login');
  await page.goBack();
  await routerAtRest(page, 'subpackages/product/detail');
  expect(await page.evaluate(() => localStorage.getItem('linli.pendingAction'))).toBeNull();
});

test('outside sandbox mode the login page offers phone + SMS only', async () => {
  let plain: TestServer | undefined;
  try {
    // out of the sandbox, WeChat Pay needs a merchant (never called here)
    plain = await startTestServer({
      env: { SANDBOX: '0', WECHATPAY_MCHID: '1900000109', WECHATPAY_SERIAL_NO: 'TEST0000SERIAL' },
    });
    expect((await plain.api('GET', '/sandbox/clock')).status).toBe(404);
    const page = await visitor();
    await page.goto(`${plain.baseUrl}/#/pages/login/index`);
    await routerAtRest(page, 'pages/login');
    await page.locator('.login-phone:visible').waitFor();
    // the probe has answered (404) before we look for what it would have added
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.login-sandbox-wechat').count()).toBe(0);
  } finally {
    await plain?.close();
  }
  // and the sandbox server does offer it
  const page = await visitor();
  await page.goto(`${server.baseUrl}/#/pages/login/index`);
  await page.locator('.login-sandbox-wechat:visible').waitFor();
});

// 我的 → 收货地址 in the H5 shop: add (with the region picker), a bad phone number named under its field (found
// by the form, and named by the server's validation details when it gets there), a second address made the
// default, an edit, and a delete of the default — with no uncaught page error along the way.
//
// Taro's H5 router keeps pages it has shown in the DOM (hidden), so every locator here is `:visible`.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  fillAddressForm,
  h5Login,
  launchChromium,
  mobileContext,
  pickRegion,
  SCREENSHOTS,
  startBrowserServer,
  type AddressFormInput,
} from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(4 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let shop: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `addresses-${name}.png`), animations: 'disabled' });
const visible = (selector: string) => page.locator(`${selector}:visible`).first();
const cards = () => page.locator('.address-item:visible');
const card = (text: string) => page.locator('.address-item:visible', { hasText: text });

const home: AddressFormInput = {
  name: '王小明',
  phone: '13900005555',
  region: ['浙江省', '杭州市', '西湖区'],
  detail: '文三路 100 号',
};
const office: AddressFormInput = {
  name: '王小明公司',
  phone: '13900006666',
  region: ['上海市', '上海市', '徐汇区'],
  detail: '漕溪北路 8 号',
};

beforeAll(async () => {
  server = await startBrowserServer();
  browser = await launchChromium();
  shop = await mobileContext(browser);
  page = await shop.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await h5Login(page, server.baseUrl, '13900005555');
}, 4 * TIMEOUT);

afterAll(async () => {
  await shop?.close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test('add with the region picker; a bad phone number is named under its field, by the form and by the server', async () => {
  await page.goto(`${server.baseUrl}/#/subpackages/user/addresses/index`);
  await visible('.address-new').click();
  const form = visible('.address-form');
  await form.waitFor();

  // the form's own check: nothing is sent
  let posts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/addresses')) posts++;
  });
  await form.locator('.address-name input').fill(home.name);
  await form.locator('.address-phone input').fill('1390000');
  await form.locator('.address-save').click();
  await expect(visible('.address-error--phone').textContent()).resolves.toBe('请填写正确的 11 位手机号');
  await expect(visible('.address-error--region').textContent()).resolves.toContain('请选择所在地区');
  expect(posts).toBe(0);
  await shot('01-field-errors');

  // the server's check: a phone it refuses (sent as the form would never send it) comes back under the field
  await page.route('**/api/v1/addresses', (route) =>
    route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), phone: '2390000555' }) }),
  );
  await form.locator('.address-phone input').fill(home.phone);
  expect(await page.locator('.address-error--phone:visible').count()).toBe(0);
  await form.locator('.address-region').click();
  await pickRegion(page, home.region);
  await form.locator('.address-detail input').fill(home.detail);
  await form.locator('.address-save').click();
  await expect(visible('.address-error--phone').textContent()).resolves.toBe('请填写正确的 11 位手机号');
  expect(posts).toBe(1);
  expect(await page.locator('.taro__toast:visible', { hasText: '请求参数不正确' }).count()).toBe(0);
  await page.unroute('**/api/v1/addresses');

  await form.locator('.address-cancel').click();
  await visible('.address-new').click();
  await fillAddressForm(page, home);
  await card(home.detail).waitFor();
  expect(await card(home.detail).textContent()).toContain('浙江省杭州市西湖区');
  expect(await card(home.detail).locator('.shop-tag').textContent()).toBe('默认'); // the first one is the default
  await shot('02-first');
});

test('a second address is made the default, the first is edited, and deleting the default promotes the other', async () => {
  await visible('.address-new').click();
  await fillAddressForm(page, office);
  await card(office.detail).waitFor();
  expect(await cards().count()).toBe(2);
  expect(await card(office.detail).locator('.shop-tag').count()).toBe(0);

  await card(office.detail).locator('.address-set-default').click();
  await card(office.detail).locator('.shop-tag').waitFor();
  expect(await card(home.detail).locator('.shop-tag').count()).toBe(0);
  expect(await cards().first().textContent()).toContain(office.detail); // the default is listed first
  await shot('03-default-moved');

  // edit: the form opens on the stored values (the region picker too), the change is saved
  await card(home.detail).locator('.address-edit').click();
  const form = visible('.address-form');
  await expect(form.locator('.address-region__text').textContent()).resolves.toBe('浙江省 杭州市 西湖区');
  await expect(form.locator('.address-name input').inputValue()).resolves.toBe(home.name);
  await form.locator('.address-detail input').fill('文三路 200 号 3 幢');
  await form.locator('.address-save').click();
  await card('文三路 200 号 3 幢').waitFor();
  expect(await cards().count()).toBe(2);

  page.once('dialog', (d) => void d.accept());
  await card(office.detail).locator('.address-delete').click();
  await page.locator('.taro-modal__foot >> text=确定').or(page.locator('.taro-modal__foot div').last()).first().click();
  await card(office.detail).waitFor({ state: 'detached' });
  expect(await cards().count()).toBe(1);
  await card('文三路 200 号 3 幢').locator('.shop-tag').waitFor(); // the remaining one became the default
  await shot('04-after-delete');

  const { body } = await server.server.api('GET', '/api/v1/addresses', {
    // Taro's H5 storage keeps `{"data": value}`
    token: await page.evaluate(() => (JSON.parse(localStorage.getItem('linli.token')!) as { data: string }).data),
  });
  expect(body.items).toMatchObject([{ detail: '文三路 200 号 3 幢', isDefault: true, district: '西湖区' }]);
  expect(pageErrors).toEqual([]);
});

// One price everywhere: every running demo group buy shows the same price, 起 and crossed-out reference on the
// home banner, in 拼团专区 and on its product page, and that is the display rule's answer for the campaign
// (contracts/display/price) — the 赣南脐橙 case: the home showed ¥24.90 / ¥29.90, the list ¥22.90起 / ¥49.90.
//
// Taro's H5 router keeps pages it has shown in the DOM (hidden), so every locator here is `:visible`.
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { formatFen, formatPriceTag, type PriceTag } from '../../src/contracts/display';
import { launchChromium, mobileContext, routerAtRest, SCREENSHOTS, startBrowserServer } from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(4 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let shop: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const shot = (name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `prices-${name}.png`), animations: 'disabled' });

interface CampaignPrices {
  id: number;
  productId: number;
  title: string;
  prices: { member: PriceTag; leader: PriceTag | null };
}
let campaigns: CampaignPrices[] = [];

beforeAll(async () => {
  server = await startBrowserServer();
  browser = await launchChromium();
  shop = await mobileContext(browser);
  page = await shop.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const res = await server.server.api<{ items: CampaignPrices[] }>('GET', '/api/v1/groupbuy/campaigns');
  campaigns = res.body.items;
}, 3 * TIMEOUT);

afterAll(async () => {
  await shop?.close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

/** What a price tag shows: its price (with 起) and the crossed-out reference, as text. */
async function shown(tag: Locator) {
  await tag.waitFor();
  const reference = tag.locator('.price-tag__reference');
  return {
    price: (await tag.locator('.price-tag__price').textContent())?.trim(),
    reference: (await reference.count()) ? (await reference.textContent())?.trim() : null,
  };
}
const expected = (t: PriceTag) => ({
  price: formatPriceTag(t, formatFen),
  reference: t.referenceFen === null ? null : formatFen(t.referenceFen),
});

test('the demo runs group buys with several SKUs and a leader price (the cases the rule is for)', () => {
  expect(campaigns.length).toBeGreaterThanOrEqual(3);
  expect(campaigns.some((c) => c.prices.member.from)).toBe(true);
  expect(campaigns.some((c) => c.prices.leader)).toBe(true);
});

test('home banner, 拼团专区 and the product page show each campaign at one price', async () => {
  await page.goto(`${server.baseUrl}/`);
  await routerAtRest(page, 'pages/home/index');
  const home = new Map<number, Awaited<ReturnType<typeof shown>>>();
  for (const c of campaigns.slice(0, 5)) {
    home.set(c.id, await shown(page.locator(`.home-banner__slide[data-id="${c.id}"]:visible .price-tag`)));
  }

  await shot('01-home');
  await page.locator('.home-gb-entry:visible').click();
  await routerAtRest(page, 'subpackages/groupbuy/list');
  for (const c of campaigns) {
    const card = page.locator(`.gb-campaign[data-id="${c.id}"]:visible`);
    const tags = card.locator('.price-tag');
    const list = await shown(tags.first());
    expect(list).toEqual(expected(c.prices.member));
    if (home.has(c.id)) expect(home.get(c.id)).toEqual(list);
    // the leader's price is labelled as such, never the member's headline
    if (c.prices.leader) {
      expect(await tags.nth(1).textContent()).toBe(`团长价${formatPriceTag(c.prices.leader, formatFen)}`);
    } else {
      expect(await tags.count()).toBe(1);
    }
  }

  await shot('02-list');
  for (const c of campaigns) {
    await page.goto(`${server.baseUrl}/#/subpackages/product/detail/index?id=${c.productId}`);
    await routerAtRest(page, 'subpackages/product/detail');
    const section = page.locator('.gb-section:visible');
    const product = await shown(section.locator('.price-tag'));
    // a product with one SKU has it picked: its quote is the same price as the campaign's tag
    expect(product).toEqual(expected(c.prices.member));
    if (c.prices.leader) {
      expect(await section.locator('.gb-section__leader-price').textContent()).toContain(
        `团长价 ${formatPriceTag(c.prices.leader, formatFen)}`,
      );
    }
    if (c.prices.member.from) await shot(`03-product-${c.productId}`);
  }
  expect(pageErrors).toEqual([]);
});

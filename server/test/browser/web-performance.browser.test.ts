// What a phone downloads and what a screen reader or a low-vision shopper gets, on the real builds in Chromium:
// the admin login loads neither antd nor any console page (they come after login), every script and stylesheet
// arrives brotli-compressed, the H5 home's pictures have alt text, its small text keeps 4.5:1 contrast and the
// page can be zoomed. Needs admin/dist and miniapp/dist/h5 (npm run build).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { launchChromium, mobileContext, SCREENSHOTS, startBrowserServer } from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(3 * TIMEOUT);

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;

interface Fetched {
  url: string;
  type: string;
  encoding: string | undefined;
  bytes: number;
}

/** Records every script and stylesheet the page fetches (its encoding and the bytes sent on the wire). */
function recordAssets(page: Page): Fetched[] {
  const fetched: Fetched[] = [];
  page.on('response', (res: Response) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    void res
      .request()
      .sizes()
      .then((sizes) =>
        fetched.push({
          url: new URL(res.url()).pathname,
          type,
          encoding: res.headers()['content-encoding'],
          bytes: sizes.responseBodySize,
        }),
      )
      .catch(() => undefined);
  });
  return fetched;
}

/** Assets over 1 KB sent without brotli (smaller ones are not worth compressing, and the builds don't). */
const notBrotli = (fetched: Fetched[]) => fetched.filter((f) => f.encoding !== 'br' && f.bytes >= 1024);

beforeAll(async () => {
  server = await startBrowserServer();
  browser = await launchChromium();
}, 4 * TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, TIMEOUT);

describe('admin login', () => {
  test('loads neither antd nor a console page, all brotli; antd arrives once the operator is in', async () => {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 }, locale: 'zh-CN' });
    page.setDefaultTimeout(TIMEOUT);
    const fetched = recordAssets(page);

    const html = await (await fetch(`${server.baseUrl}/admin/login`)).text();
    expect(html).not.toMatch(/assets\/antd-/);
    expect(html).toMatch(/<meta name="description" content="[^"]+"/);

    await page.goto(`${server.baseUrl}/admin/login`, { waitUntil: 'networkidle' });
    await page.locator('#username').waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'perf-admin-login-phone.png') });

    const scripts = fetched.filter((f) => f.type === 'script');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.map((s) => s.url).filter((u) => /antd|Page-|Console-/.test(u))).toEqual([]);
    expect(notBrotli(fetched)).toEqual([]);
    // react + react-query + the login: well under the ~350 KB (gzip) antd chunk alone
    const total = fetched.reduce((sum, f) => sum + f.bytes, 0);
    expect(total).toBeLessThan(120 * 1024);

    await page.locator('#username').fill(server.admin.username);
    await page.locator('#password').fill(server.admin.password);
    await page.locator('button[type="submit"]', { hasText: '登录' }).click();
    await page.waitForURL(/\/admin\/products/);
    await page.locator('.product-table').waitFor({ state: 'visible' });
    expect(fetched.some((f) => /assets\/antd-/.test(f.url))).toBe(true);
    await page.close();
  });

  test('an empty field says what is missing, next to it', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    page.setDefaultTimeout(TIMEOUT);
    await page.goto(`${server.baseUrl}/admin/login`);
    await page.locator('button[type="submit"]', { hasText: '登录' }).click();
    await expect(page.locator('#username-help').textContent()).resolves.toBe('请输入用户名');
    await expect(page.locator('#password').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.close();
  });
});

/** WCAG contrast ratio of two `rgb()`/`rgba()` colors (an alpha is blended over the background). */
function contrast(fg: string, bg: string): number {
  const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const [br, bgc, bb] = parse(bg) as [number, number, number];
  const [r, g, b, a = 1] = parse(fg) as [number, number, number, number?];
  const blend = [r * a + br * (1 - a), g * a + bgc * (1 - a), b * a + bb * (1 - a)];
  const lum = (rgb: number[]) => {
    const [lr, lg, lb] = rgb.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  };
  const [l1, l2] = [lum(blend), lum([br, bgc, bb])].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

describe('H5 home', () => {
  test('is brotli-compressed, zoomable, described, its pictures have alt and its small text 4.5:1', async () => {
    const context = await mobileContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const fetched = recordAssets(page);
    await page.goto(`${server.baseUrl}/`);
    await page.locator('.product-card__image img').first().waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'perf-h5-home.png') });

    expect(fetched.length).toBeGreaterThan(2);
    expect(notBrotli(fetched)).toEqual([]);

    const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\D|$)/);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/\S/);

    const images = await page
      .locator('img')
      .evaluateAll((imgs) => imgs.map((img) => ({ src: img.getAttribute('src'), alt: img.getAttribute('alt') })));
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((i) => i.alt === null)).toEqual([]);
    const cardAlts = await page
      .locator('.product-card__image img')
      .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')));
    expect(cardAlts.filter((a) => !a)).toEqual([]);

    // the small grey and red text on the white cards
    const samples = await page
      .locator('.product-card__sales, .product-card__subtitle, .product-card .price, .sort-bar__item')
      .evaluateAll((els) => els.slice(0, 12).map((el) => ({ cls: el.className, color: getComputedStyle(el).color })));
    expect(samples.length).toBeGreaterThan(3);
    const tooFaint = samples
      .map((s) => ({ ...s, ratio: Number(contrast(s.color, 'rgb(255, 255, 255)').toFixed(2)) }))
      .filter((s) => s.ratio < 4.5);
    expect(tooFaint).toEqual([]);
    await context.close();
  });

  test('/robots.txt is rules, not the shop', async () => {
    const res = await fetch(`${server.baseUrl}/robots.txt`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/^Disallow: \/admin\/$/m);
  });
});

test('the builds carry .br and .gz beside their scripts', () => {
  const root = path.resolve(__dirname, '../../..');
  for (const dir of ['admin/dist/assets', 'miniapp/dist/h5/js']) {
    const scripts = fs
      .readdirSync(path.join(root, dir))
      .filter((f) => f.endsWith('.js') && fs.statSync(path.join(root, dir, f)).size > 4096);
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) {
      expect([
        dir,
        f,
        fs.existsSync(path.join(root, dir, `${f}.br`)),
        fs.existsSync(path.join(root, dir, `${f}.gz`)),
      ]).toEqual([dir, f, true, true]);
    }
  }
});

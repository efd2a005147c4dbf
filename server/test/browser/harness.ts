// Browser tests: a real server (MariaDB + Redis, demo data, sandbox) serving the built H5 shop and admin, and
// Debian's Chromium driven by playwright-core.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/app';
import { startTestServer } from '../support/harness';

export const SCREENSHOTS = path.join(__dirname, '__screenshots__');

export async function startBrowserServer() {
  for (const built of ['miniapp/dist/h5/index.html', 'admin/dist/index.html']) {
    if (!fs.existsSync(path.join(REPO_ROOT, built))) {
      throw new Error(`${built} is missing: run \`npm run build\` before the browser tests`);
    }
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const t = await startTestServer({ seedDemo: true });
  return { baseUrl: t.baseUrl, admin: t.admin, server: t, close: () => t.close() };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
      '--no-first-run',
    ],
  });
}

const cspViolations: string[] = [];
// Any Content-Security-Policy violation on a shop page fails the test that caused it (a blocked `javascript:`
// URL on 我的 went unnoticed while only a console line said so).
afterEach(() => {
  const seen = cspViolations.splice(0);
  if (seen.length) throw new Error(`Content-Security-Policy violations:\n  ${seen.join('\n  ')}`);
});

/** A phone-sized, touch-enabled context, as the H5 shop is used; it reports CSP violations (see above). */
export async function mobileContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    ...options,
  });
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => void cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
      report(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} on ${location.href} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  return context;
}

/** H5 phone login with the sandbox SMS code; returns once the login page has left on its own. */
export async function h5Login(page: Page, baseUrl: string, phone: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await page.locator('.login-phone:visible input').first().fill(phone);
  await page.locator('.login-send-code:visible').first().click();
  await page.locator('.sandbox-code:visible').first().waitFor();
  await page.locator('.login-submit:visible').first().click();
  await page.waitForFunction(() => !!localStorage.getItem('linli.token'));
  await page.waitForURL((u) => !u.hash.includes('pages/login'));
}

/** An operator signed in to the admin (a desktop-sized page on the product list). */
export async function adminPage(
  browser: Browser,
  baseUrl: string,
  admin: { username: string; password: string },
  timeout: number,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(timeout);
  await page.goto(`${baseUrl}/admin/login`);
  await page.locator('#username').fill(admin.username);
  await page.locator('#password').fill(admin.password);
  await page.locator('button[type="submit"]', { hasText: '登录' }).click();
  await page.waitForURL(/\/admin\/products/);
  return page;
}

/**
 * On the sandbox cashier: wait until it shows `amount` (its signed payment parameters have arrived; until then the
 * pay button is inert, and a tap on a slow machine would do nothing), then pay.
 */
export async function payInSandboxCashier(page: Page, amount: string): Promise<void> {
  const pay = page.locator('.cashier-pay:visible').first();
  await pay.waitFor();
  await page.waitForFunction(
    (want) => document.querySelector('.cashier__amount')?.textContent?.includes(want) ?? false,
    amount,
  );
  await pay.click();
}

export interface AddressFormInput {
  name: string;
  phone: string;
  /** province, city and district, as the region picker lists them */
  region: [string, string, string];
  detail: string;
}

/** In the open region picker (NutUI's Cascader), taps the province, the city and the district, each on its tab. */
export async function pickRegion(page: Page, region: readonly string[]): Promise<void> {
  const cascader = page.locator('.nut-cascader:visible');
  for (const [level, name] of region.entries()) {
    await cascader
      .locator('.nut-tabs-titles-item')
      .nth(level)
      .and(cascader.locator('.nut-tabs-titles-item-active'))
      .waitFor();
    await cascader
      .locator('.nut-tabpane')
      .nth(level) // the panes sit side by side, the current one slid into view
      .locator('.nut-cascader-item', { hasText: new RegExp(`^\\s*${name}\\s*$`) })
      .first()
      .click();
  }
}

/**
 * Fills the shop's address form (checkout, group buy, 我的 → 收货地址) and saves it: the text fields, then the
 * region picker (NutUI's Cascader on H5: tap the province, the city, the district). Resolves once the form is gone.
 */
export async function fillAddressForm(page: Page, a: AddressFormInput): Promise<void> {
  const form = page.locator('.address-form:visible').first();
  await form.waitFor();
  await form.locator('.address-name input').fill(a.name);
  await form.locator('.address-phone input').fill(a.phone);
  await form.locator('.address-region').click();
  await pickRegion(page, a.region);
  await form.locator('.address-region__text', { hasText: a.region.join(' ') }).waitFor();
  await form.locator('.address-detail input').fill(a.detail);
  await form.locator('.address-save').click();
  await form.waitFor({ state: 'detached' });
}

/**
 * Taro's H5 router at rest (on the page whose path includes `hash`, when given): that page slid fully in and drawn,
 * no page after it drawn over it, and no page still sliding. Pages under it may still be drawn (Taro keeps tab
 * pages shown beneath).
 */
export async function routerAtRest(page: Page, hash = ''): Promise<void> {
  await page.waitForFunction((want) => {
    const pages = [...document.querySelectorAll('.taro_router > .taro_page')];
    // the last page of that route, with every page after it hidden (tab pages stay in the DOM in the order they
    // were first opened, so the page shown is not always the last one)
    const at = pages.map((p) => p.id.includes(want)).lastIndexOf(true);
    const top = pages[at];
    if (!top) return false;
    const shown = (p: Element) => getComputedStyle(p).display !== 'none';
    const drawn = top.classList.contains('taro_page_stationed') && shown(top) && !pages.slice(at + 1).some(shown);
    const sliding = pages.some((p) => p.getAnimations().some((a) => a.playState === 'running'));
    return drawn && !sliding;
  }, hash);
}

/**
 * What the page shows has stopped moving: every finite CSS animation and transition has ended (a drawer slid in, a
 * swiper laid out, a page slid in), and on the H5 shop Taro's router is at rest. Endless ones (spinners) are left.
 */
export async function settled(page: Page): Promise<void> {
  if (await page.evaluate(() => !!document.querySelector('.taro_router'))) await routerAtRest(page);
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

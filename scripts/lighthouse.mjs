#!/usr/bin/env node
// `npm run lighthouse [-- --url http://host:port] [--runs N] [--details] [--save dir]`: Lighthouse's mobile preset
// (simulated slow 4G, 4× CPU slowdown, Moto G-sized screen) on the H5 home, a product page, a group page, the cart
// and the checkout (as a signed-in shopper with a line in the cart and an address, through the sandbox's WeChat
// login, so it needs a sandbox server) and on the admin login, with Debian's chromium.
// Without --url it starts the product as `npm start` does (embedded mode, a throwaway DATA_DIR, a free port) and
// stops it afterwards. Prints performance, accessibility, LCP, TBT and the bytes transferred for each page; with
// several runs, the run with the median performance score. Not a CI gate: the figures move a few points run to run.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lighthouseVersion = createRequire(import.meta.url)('lighthouse/package.json').version;
const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    runs: { type: 'string', default: '1' },
    details: { type: 'boolean', default: false },
    // writes each page's median report (Lighthouse's JSON) into this directory, for a closer look
    save: { type: 'string' },
    chrome: { type: 'string', default: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  },
});
const runs = Math.max(1, Number.parseInt(args.runs, 10) || 1);

async function api(base, method, p, { token, body } = {}) {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function signIn(base, name) {
  const session = await api(base, 'POST', '/api/v1/auth/wechat/login', { body: { code: `sim_${name}` } });
  const { items } = await api(base, 'GET', '/api/v1/addresses', { token: session.token });
  const address =
    items[0] ??
    (await api(base, 'POST', '/api/v1/addresses', {
      token: session.token,
      body: {
        name: '灯塔',
        phone: '13800000000',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '文三路 100 号',
        isDefault: true,
      },
    }));
  return { ...session, addressId: address.id };
}

/** The page a shared group link opens: another user opens a group and pays (sandbox), and it waits for members. */
async function openGroupToShare(base) {
  const leader = await signIn(base, 'lighthouse_leader');
  const campaign = (await api(base, 'GET', '/api/v1/groupbuy/campaigns')).items[0];
  if (!campaign) throw new Error('no group buy to measure (the demo data runs some)');
  const sku = campaign.skus.find((k) => k.stock > 0) ?? campaign.skus[0];
  const { group, order } = await api(base, 'POST', '/api/v1/groupbuy/groups', {
    token: leader.token,
    body: { campaignId: campaign.id, skuId: sku.skuId, addressId: leader.addressId },
  });
  const pay = await api(base, 'POST', `/api/v1/orders/${order.id}/pay`, {
    token: leader.token,
    body: { channel: 'wechat' },
  });
  await api(base, 'POST', '/sandbox/wechatpay/pay', { body: { prepayId: pay.prepayId } });
  for (let i = 0; i < 50; i++) {
    if ((await api(base, 'GET', `/api/v1/groupbuy/groups/${group.code}`)).status === 'open') return group.code;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`group ${group.code} did not open after the sandbox payment`);
}

/**
 * A shopper for the pages behind login: signed in through the sandbox's WeChat login, with an address and one
 * line in the cart; the session goes into the browser's storage (Lighthouse keeps it: disableStorageReset).
 * Answers the pages to measure.
 */
async function preparePages(base, chromePort) {
  const { token, user } = await signIn(base, 'lighthouse');
  const product = (await api(base, 'GET', '/api/v1/products?pageSize=1')).items[0];
  const sku = (await api(base, 'GET', `/api/v1/products/${product.id}`)).skus.find((k) => k.stock > 0);
  const cart = await api(base, 'GET', '/api/v1/cart', { token });
  if (!cart.items.length)
    await api(base, 'POST', '/api/v1/cart/items', { token, body: { skuId: sku.id, quantity: 1 } });
  const groupCode = await openGroupToShare(base);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chromePort}`);
  const page = await browser.contexts()[0].newPage();
  await page.goto(`${base}/robots.txt`); // same origin, not a measured page
  // Taro's H5 storage keeps each value as {"data": …}
  await page.evaluate(
    ([t, u]) => {
      localStorage.setItem('linli.token', JSON.stringify({ data: t }));
      localStorage.setItem('linli.user', JSON.stringify({ data: u }));
    },
    [token, user],
  );
  await page.close();
  await browser.close(); // the connection only: the browser stays for Lighthouse
  const items = encodeURIComponent(JSON.stringify([{ skuId: sku.id, quantity: 1 }]));
  // the signed-in pages first: they keep the browser's storage (and so its HTTP cache: repeat-visit figures); the
  // home and the admin login after them, on a cleared browser as a first visit
  return [
    { name: 'product', path: `/#/subpackages/product/detail/index?id=${product.id}`, keep: true },
    { name: 'group', path: `/#/subpackages/groupbuy/group/index?code=${groupCode}`, keep: true },
    { name: 'cart', path: '/#/pages/cart/index', keep: true },
    { name: 'checkout', path: `/#/subpackages/order/checkout/index?items=${items}`, keep: true },
    { name: 'H5 home', path: '/' },
    { name: 'admin login', path: '/admin/login' },
  ];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(base, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the product exited (code ${server.exitCode}) before it was up`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the product did not answer ${base}/healthz within ${timeoutMs / 1000} s`);
}

/** Starts `npm start` in embedded mode on a free port with its own data directory. */
async function startProduct() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-lighthouse-'));
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  for (const v of ['NODE_ENV', 'MYSQL_URL', 'REDIS_URL', 'PUBLIC_BASE_URL']) delete env[v];
  const server = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    console.log(`[lighthouse] starting the product on ${base} (embedded mode)…`);
    await waitUntilUp(base, server, 180_000);
  } catch (e) {
    stop();
    throw e;
  }
  return { base, stop };
}

function figures(lhr) {
  const audit = (id) => lhr.audits[id];
  return {
    performance: Math.round(lhr.categories.performance.score * 100) / 100,
    accessibility: Math.round(lhr.categories.accessibility.score * 100) / 100,
    lcpMs: audit('largest-contentful-paint').numericValue,
    tbtMs: audit('total-blocking-time').numericValue,
    fcpMs: audit('first-contentful-paint').numericValue,
    transferKiB: audit('total-byte-weight').numericValue / 1024,
  };
}

function printDetails(lhr) {
  const failing = (category) =>
    lhr.categories[category].auditRefs
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative');
  for (const a of failing('accessibility')) console.log(`    a11y  ${a.id}: ${a.title}`);
  for (const a of failing('performance')) console.log(`    perf  ${a.id}: ${a.displayValue ?? a.title}`);
  const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  if (lcpElement) console.log(`    LCP element: ${lcpElement.snippet}`);
  for (const shift of lhr.audits['layout-shifts']?.details?.items ?? []) {
    console.log(`    layout shift ${shift.score.toFixed(3)}: ${shift.node?.snippet ?? '(unknown element)'}`);
  }
}

async function measure(base) {
  const chrome = await chromeLauncher.launch({
    chromePath: args.chrome,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const rows = [];
  try {
    const pages = await preparePages(base, chrome.port);
    for (const page of pages) {
      const results = [];
      for (let i = 0; i < runs; i++) {
        // no config: Lighthouse's default is the mobile preset
        const result = await lighthouse(`${base}${page.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          disableStorageReset: !!page.keep,
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
        if (result.lhr.runtimeError) throw new Error(`${page.path}: ${result.lhr.runtimeError.message}`);
        results.push(result.lhr);
      }
      results.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
      const median = results[Math.floor(results.length / 2)];
      rows.push({ page, f: figures(median) });
      if (args.save) {
        fs.mkdirSync(args.save, { recursive: true });
        const file = path.join(args.save, `${page.name.replaceAll(' ', '-')}.json`);
        fs.writeFileSync(file, JSON.stringify(median));
      }
      if (args.details) {
        console.log(`  ${page.name} (${median.finalDisplayedUrl}):`);
        printDetails(median);
      }
    }
  } finally {
    await chrome.kill();
  }
  return rows;
}

const product = args.url ? { base: args.url.replace(/\/+$/, ''), stop: () => undefined } : await startProduct();
let failed = false;
try {
  const rows = await measure(product.base);
  console.log(`\nLighthouse ${lighthouseVersion}, mobile preset, ${runs} run(s) per page, ${product.base}`);
  console.log('page          performance  accessibility  LCP      TBT      FCP      transferred');
  for (const { page, f } of rows) {
    const s = (ms) => `${(ms / 1000).toFixed(2)} s`.padEnd(9);
    console.log(
      `${page.name.padEnd(14)}${f.performance.toFixed(2).padEnd(13)}${f.accessibility.toFixed(2).padEnd(15)}` +
        `${s(f.lcpMs)}${`${Math.round(f.tbtMs)} ms`.padEnd(9)}${s(f.fcpMs)}${f.transferKiB.toFixed(0)} KiB`,
    );
  }
} catch (e) {
  console.error(`[lighthouse] ${e instanceof Error ? e.message : e}`);
  failed = true;
} finally {
  product.stop();
}
process.exit(failed ? 1 : 0);

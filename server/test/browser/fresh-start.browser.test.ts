// `npm start` on a fresh checkout from a shell that exports NODE_ENV=development (common in Node shells): the
// front-ends it builds must be production builds (a development H5 bundle stops at `$RefreshReg$ is not defined`
// and the shop is blank), and a build left from another mode must be built again, not served.
//
// The checkout is a copy of the files git would commit (tracked and untracked, not ignored), with the installed
// node_modules linked in, so the test runs what this tree would land, on the embedded default (SQLite).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, mobileContext } from './harness';

const ROOT = path.resolve(__dirname, '../../..');
const BUILD_TIMEOUT = 6 * 60_000;
jest.setTimeout(BUILD_TIMEOUT + 2 * 60_000);

let checkout: string;
let server: ChildProcess | undefined;
let output = '';
let browser: Browser;

function copyCheckout(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-fresh-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT })
    .toString()
    .split('\0')
    .filter((f) => f && fs.existsSync(path.join(ROOT, f)));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  for (const modules of ['node_modules', 'admin/node_modules', 'server/node_modules', 'miniapp/node_modules']) {
    if (fs.existsSync(path.join(ROOT, modules))) fs.symlinkSync(path.join(ROOT, modules), path.join(dir, modules));
  }
  return dir;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

/** Resolves with the shop's URL once start.mjs prints it; rejects if the process ends first. */
function startShop(dir: string, port: number): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1' };
  for (const k of ['MYSQL_URL', 'REDIS_URL', 'DATA_DIR', 'JEST_WORKER_ID']) delete env[k];
  server = spawn(process.execPath, ['scripts/start.mjs'], { cwd: dir, env, detached: true });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /H5 shop\s+(http:\/\/\S+)/.exec(output);
      if (url?.[1]) resolve(url[1]);
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
    server!.on('exit', (code) => reject(new Error(`npm start ended (exit ${code}) before serving:\n${output}`)));
  });
}

beforeAll(async () => {
  checkout = copyCheckout();
  // An admin build left from a development shell: its recorded mode must make start.mjs build it again.
  fs.cpSync(path.join(ROOT, 'admin/dist'), path.join(checkout, 'admin/dist'), { recursive: true });
  fs.writeFileSync(path.join(checkout, 'admin/dist/build-mode.json'), '{"mode":"development"}\n');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) {
    const ended = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await ended;
  }
  if (checkout) fs.rmSync(checkout, { recursive: true, force: true });
});

test('NODE_ENV=development npm start on a fresh checkout builds production front-ends and serves the shop', async () => {
  const shopUrl = await startShop(checkout, await freePort());

  expect(output).toMatch(/building the H5 shop[^\n]*first start: done/);
  expect(output).toMatch(/building the admin[^\n]*made in development mode: done/);
  for (const dist of ['admin/dist', 'miniapp/dist/h5']) {
    const mode = JSON.parse(fs.readFileSync(path.join(checkout, dist, 'build-mode.json'), 'utf8')).mode;
    expect({ dist, mode }).toEqual({ dist, mode: 'production' });
  }

  const context = await mobileContext(browser);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(shopUrl);
  await page.locator('.product-card:visible').first().waitFor({ timeout: 60_000 });
  expect(await page.locator('.product-card:visible').count()).toBeGreaterThan(3);

  await page.goto(`${shopUrl}admin/login`);
  await page.locator('#username').waitFor({ timeout: 60_000 });
  expect(pageErrors).toEqual([]);
  await context.close();
});

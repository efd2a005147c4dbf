// Browser tests: a real server (MariaDB + Redis, demo data, sandbox) serving the built H5 shop and admin, and
// Debian's Chromium driven by playwright-core.
import { chromium, type Browser } from 'playwright-core';
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

// The audit log in real Chromium: an operator ends an open group by hand from the admin's group list (which
// refunds the leader), and the 操作日志 page shows that entry, filtered by entity and operator, with the group
// before and after side by side.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { campaign, group, open, pay } from '../support/groupbuy';
import { adminLogin } from '../support/harness';
import { buyer } from '../support/shop';
import { adminPage, launchChromium, SCREENSHOTS, startBrowserServer } from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(3 * TIMEOUT);

const TITLE = '审计测试·丹东草莓 3 斤';
let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let page: Page;
let token: string;
let code: string;

const shot = (name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `admin-audit-${name}.png`), animations: 'disabled' });

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startBrowserServer();
  browser = await launchChromium();
  token = await adminLogin(server.server);
  // an open group: the leader has paid, nobody has joined
  const c = await campaign(server.server, token, { title: TITLE, size: 3 });
  const leader = await buyer(server.server, 'audit-leader');
  const opened = await open(server.server, leader, c);
  expect(await pay(server.server, leader, opened.orderId)).toBe('awaiting_group');
  code = opened.code;
  expect((await group(server.server, code)).status).toBe('open');
  page = await adminPage(browser, server.baseUrl, server.admin, TIMEOUT);
}, 3 * TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test('an operator ends a group by hand from the admin', async () => {
  await page.goto(`${server.baseUrl}/admin/groupbuy`);
  await page.locator('[data-testid="gb-campaign-row"]', { hasText: TITLE }).click();
  await page.locator('[data-testid="gb-group-row"]', { hasText: code }).click();
  await page.locator('.gb-group-status', { hasText: '拼团中' }).waitFor();
  await page.locator('[data-testid="gb-group-close"]').click();
  await page.locator('[data-testid="gb-group-close-confirm"]').click();
  await page.locator('.ant-message', { hasText: '拼团失败，已自动退款' }).waitFor();
  await page.locator('.gb-group-status', { hasText: '拼团失败' }).waitFor();
  await shot('00-group-closed');
  expect((await group(server.server, code)).status).toBe('failed');
});

test('the audit page shows the close with who did it, before and after', async () => {
  const logs = await server.server.api('GET', '/api/admin/v1/audit-logs?action=groupbuy.group.close', { token });
  expect(logs.status).toBe(200);
  expect(logs.body.total).toBe(1);
  const entry = logs.body.items[0];
  expect(entry).toMatchObject({ action: 'groupbuy.group.close', operatorName: server.admin.username });
  expect(entry.operatorId).toEqual(expect.any(Number));
  expect(JSON.stringify(entry.before)).toContain('"open"');
  expect(JSON.stringify(entry.after)).toContain('"failed"');

  await page.goto(`${server.baseUrl}/admin/audit-logs`);
  const row = page.locator('.audit-table tr.ant-table-row', { hasText: '手动结束拼团' });
  await row.waitFor();
  // the label only: the internal name waits in the row's detail
  expect(await row.locator('[data-testid="audit-action"]').textContent()).toBe('手动结束拼团');
  expect(await row.textContent()).not.toContain('groupbuy.group.close');

  // filtered by the group and the operator, as the form sends them
  await page.locator('[data-testid="audit-entity"] input').fill(entry.entity);
  await page.keyboard.press('Escape'); // the suggestions would cover the next field
  if (entry.entityId) await page.locator('[data-testid="audit-entity-id"]').fill(entry.entityId);
  await page.locator('[data-testid="audit-operator-id"]').fill(String(entry.operatorId));
  const filtered = page.waitForRequest(
    (r) => r.url().includes('/api/admin/v1/audit-logs?') && r.url().includes(`operatorId=${entry.operatorId}`),
  );
  await page.locator('[data-testid="audit-search"]').click();
  expect(new URL((await filtered).url()).searchParams.get('entity')).toBe(entry.entity);
  await page.waitForURL((u) => u.searchParams.get('operatorId') === String(entry.operatorId));
  // the unfiltered rows stay on screen until the filtered answer arrives: wait for the table to show it
  await page.waitForFunction(() => document.querySelectorAll('.audit-table tr.ant-table-row').length === 1);
  await row.waitFor();
  expect(await page.locator('.audit-table tr.ant-table-row').count()).toBe(1);

  await row.click(); // expands: before and after side by side
  const diff = page.locator('[data-testid="audit-diff"]');
  await diff.waitFor();
  expect(await diff.locator('.audit-before').textContent()).toContain('"open"');
  expect(await diff.locator('.audit-after').textContent()).toContain('"failed"');
  expect(await diff.locator('[data-testid="audit-action-code"]').textContent()).toBe('groupbuy.group.close');
  await shot('01-audit-entry');
});

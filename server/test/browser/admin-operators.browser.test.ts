// The 操作员 page in real Chromium (issue 9, item 3): the super admin creates an operator (a non-canonical name and a
// weak password are refused with the server's words), changes their role and disables them — and the operator's
// very next request already sees it — resets their password; an operator who is not a super admin has no such menu
// entry and the page refuses them.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { adminLogin } from '../support/harness';
import { adminPage, launchChromium, SCREENSHOTS, startBrowserServer } from './harness';

const TIMEOUT = 60_000;
jest.setTimeout(3 * TIMEOUT);

const USERNAME = 'ops.wang';
const PASSWORD = 'Plum-Harbor-47-Lantern';
const NEW_PASSWORD = 'Velvet-Compass-93-Tide';

let server: Awaited<ReturnType<typeof startBrowserServer>>;
let browser: Browser;
let page: Page;

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SCREENSHOTS, `admin-operators-${name}.png`), animations: 'disabled' });
const row = (username: string) => page.locator(`[data-testid="op-row"][data-username="${username}"]`);
const me = (token: string) => server.server.api('GET', '/api/admin/v1/me', { token });

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startBrowserServer();
  browser = await launchChromium();
  page = await adminPage(browser, server.baseUrl, server.admin, TIMEOUT);
}, 3 * TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test('the super admin creates an operator; a non-canonical name and a weak password are refused', async () => {
  await page.locator('.ant-menu-item', { hasText: '操作员' }).click();
  await page.waitForURL(/\/admin\/operators/);
  await row(server.admin.username).waitFor();

  await page.locator('[data-testid="op-new"]').click();
  const modal = page.locator('.ant-modal', { hasText: '新建操作员' });
  await modal.locator('[data-testid="op-create-username"]').fill('Ops.Wang');
  await modal.locator('[data-testid="op-create-password"]').fill('password123');
  await modal.locator('[data-testid="op-create-submit"]').click();
  await modal.locator('.ant-form-item-explain-error', { hasText: '小写字母' }).waitFor();

  await modal.locator('[data-testid="op-create-username"]').fill(USERNAME);
  await modal.locator('[data-testid="op-create-submit"]').click();
  await modal.locator('[data-testid="op-create-error"]', { hasText: '密码太容易被猜到' }).waitFor();
  await shot(page, '00-weak-password');

  await modal.locator('[data-testid="op-create-password"]').fill(PASSWORD);
  await modal.locator('[data-testid="op-create-role"]').click();
  await page.locator('.ant-select-item-option', { hasText: '客服' }).click();
  await modal.locator('[data-testid="op-create-submit"]').click();
  await page.locator('.ant-message', { hasText: `已创建操作员 ${USERNAME}` }).waitFor();
  await row(USERNAME).locator('.ant-select-content, .ant-select-selection-item', { hasText: '客服' }).first().waitFor();
  await shot(page, '01-created');
});

test('a role change and a disable from the page apply to the operator’s very next request', async () => {
  const token = await adminLogin(server.server, { username: USERNAME, password: PASSWORD });
  expect((await me(token)).body.role).toBe('customer_service');

  await row(USERNAME).locator('[data-testid="op-role"]').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '财务' }).click();
  await page.locator('.ant-message', { hasText: '角色已改为财务' }).waitFor();
  expect((await me(token)).body.role).toBe('finance');

  await row(USERNAME).locator('[data-testid="op-status"]').click();
  await page.locator('.ant-message', { hasText: `${USERNAME} 已停用` }).waitFor();
  const refused = await me(token);
  expect(refused.status).toBe(401);
  await shot(page, '02-disabled');

  await row(USERNAME).locator('[data-testid="op-status"]').click();
  await page.locator('.ant-message', { hasText: `${USERNAME} 已启用` }).waitFor();
  expect((await me(token)).status).toBe(401); // that session ended with the disable
});

test('a password reset from the page ends the operator’s sessions; the new password signs in', async () => {
  const token = await adminLogin(server.server, { username: USERNAME, password: PASSWORD });
  await row(USERNAME).locator('[data-testid="op-reset"]').click();
  const modal = page.locator('.ant-modal', { hasText: `重置密码：${USERNAME}` });
  await modal.locator('[data-testid="op-reset-password"]').fill(NEW_PASSWORD);
  await modal.locator('[data-testid="op-reset-confirm"]').fill(NEW_PASSWORD);
  await modal.locator('[data-testid="op-reset-submit"]').click();
  await page.locator('.ant-message', { hasText: `已重置 ${USERNAME} 的密码` }).waitFor();
  expect((await me(token)).status).toBe(401);
  await adminLogin(server.server, { username: USERNAME, password: NEW_PASSWORD });

  const logs = await server.server.api('GET', '/api/admin/v1/audit-logs?entity=operator', {
    token: await adminLogin(server.server),
  });
  expect(logs.body.items.map((e: { action: string }) => e.action)).toEqual([
    'operator.reset_password',
    'operator.enable',
    'operator.disable',
    'operator.change_role',
    'operator.create',
  ]);
});

test('an operator who is not a super admin has no 操作员 entry, and the page refuses them', async () => {
  const other = await adminPage(browser, server.baseUrl, { username: USERNAME, password: NEW_PASSWORD }, TIMEOUT);
  await other.locator('.ant-menu-item', { hasText: '操作日志' }).waitFor();
  expect(await other.locator('.ant-menu-item', { hasText: '操作员' }).count()).toBe(0);
  await other.goto(`${server.baseUrl}/admin/operators`);
  await other.locator('.ant-result', { hasText: '只有超级管理员可以管理操作员' }).waitFor();
  await shot(other, '03-refused');
  await other.close();
});

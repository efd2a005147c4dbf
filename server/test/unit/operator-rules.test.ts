// Operator account rules (modules/identity/domain/operator-rules.ts) and the operator session check
// (platform/session-tokens.ts `verifyOperator`), table-tested without services.
import {
  checkPassword,
  checkUsername,
  clientKey,
  foldUsername,
  leavesNoSuperAdmin,
  normalizeUsername,
  type OperatorFacts,
} from '../../src/modules/identity/domain/operator-rules';
import { ensureFirstAdmin, generatePassword } from '../../src/modules/identity/application/operator-auth';
import type { IdentityModels } from '../../src/modules/identity';
import { SessionTokens, type OperatorState } from '../../src/platform/session-tokens';
import { TEST_ADMIN } from '../support/harness';

describe('usernames', () => {
  it.each([
    ['admin', 'admin'],
    ['Admin', 'admin'],
    ['  admin\t', 'admin'],
    ['ａｄｍｉｎ', 'admin'],
    ['ＡＤＭＩＮ ', 'admin'],
  ])('%j is stored and looked up as %j', (raw, stored) => expect(normalizeUsername(raw)).toBe(stored));

  it.each([
    ['ops.wang', { ok: true, username: 'ops.wang' }],
    ['cs_01', { ok: true, username: 'cs_01' }],
    ['fin-li', { ok: true, username: 'fin-li' }],
    ['Ops.Wang', { ok: false, reason: 'NOT_CANONICAL', canonical: 'ops.wang' }],
    ['ops.wang ', { ok: false, reason: 'NOT_CANONICAL', canonical: 'ops.wang' }],
    ['ｏｐｓ．ｗａｎｇ', { ok: false, reason: 'NOT_CANONICAL', canonical: 'ops.wang' }],
    ['ab', { ok: false, reason: 'INVALID' }],
    ['a'.repeat(33), { ok: false, reason: 'INVALID' }],
    ['wáng', { ok: false, reason: 'INVALID' }],
    ['ops wang', { ok: false, reason: 'INVALID' }],
    ['王力', { ok: false, reason: 'INVALID' }],
    ['', { ok: false, reason: 'INVALID' }],
  ])('creation: %j → %j', (raw, expected) => expect(checkUsername(raw)).toEqual(expected));

  it('folds the spellings the collation treats as one name onto one key (unknown names share a counter)', () => {
    const keys = new Set(['phantom', 'Phantom', 'PHÄNTOM ', 'ｐｈａｎｔｏｍ', 'phàntóm', ' phantom'].map(foldUsername));
    expect([...keys]).toEqual(['phantom']);
    expect(foldUsername('phantom2')).not.toBe('phantom');
  });
});

describe('client addresses', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:0db8:0001:0002::9', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s is counted as %s (IPv6 per /64)', (ip, key) => expect(clientKey(ip)).toBe(key));
});

describe('passwords', () => {
  it.each([
    ['short', 'Xk9-rT2p', 'TOO_SHORT'],
    ['common', 'password123', 'TOO_WEAK'],
    ['common, long', 'password1234567', 'TOO_WEAK'],
    ['keyboard row', 'qwertyuiop', 'TOO_WEAK'],
    ['repeated', 'aaaaaaaaaaaa', 'TOO_WEAK'],
    ['sequence', 'abcdefghij', 'TOO_WEAK'],
    ['the product name', 'linli12345', 'TOO_WEAK'],
    ['73 bytes', `${'好'.repeat(24)}a`, 'TOO_LONG'],
  ])('refuses %s (%j)', (_what, password, reason) =>
    expect(checkPassword(password)).toMatchObject({ ok: false, reason }),
  );

  it('refuses a password built on the username', () => {
    expect(checkPassword('ops.wang2024', ['ops.wang'])).toMatchObject({ ok: false, reason: 'TOO_WEAK' });
  });

  it.each([
    ['Plum-Harbor-47-Lantern'],
    ['correct horse battery staple'],
    [TEST_ADMIN.password],
    ['密码要足够长才安全吧'],
  ])('accepts %j', (password) => expect(checkPassword(password, ['admin'])).toEqual({ ok: true }));

  it('generates passwords the rule accepts', () => {
    for (let i = 0; i < 20; i++) expect(checkPassword(generatePassword())).toEqual({ ok: true });
  });

  it('refuses to create the first admin from a weak ADMIN_PASSWORD or a non-canonical ADMIN_USERNAME', async () => {
    const created: unknown[] = [];
    const models = {
      Operator: { count: async () => 0, create: async (row: unknown) => (created.push(row), { get: () => row }) },
    } as unknown as IdentityModels;
    await expect(ensureFirstAdmin({ models }, { username: 'admin', password: 'password123' })).rejects.toThrow(
      /ADMIN_PASSWORD is refused/,
    );
    await expect(
      ensureFirstAdmin({ models }, { username: 'Admin', password: 'Plum-Harbor-47-Lantern' }),
    ).rejects.toThrow(/ADMIN_USERNAME is refused/);
    expect(created).toHaveLength(0);
    await expect(ensureFirstAdmin({ models }, { password: 'Plum-Harbor-47-Lantern' })).resolves.toEqual({
      username: 'admin',
      password: 'Plum-Harbor-47-Lantern',
      generated: false,
    });
    expect(created).toHaveLength(1);
  });
});

describe('the last super admin', () => {
  const sa = (id: number): OperatorFacts => ({ id, role: 'super_admin', disabled: false });
  it.each([
    ['the only one disables themselves', [sa(1)], sa(1), { disabled: true }, true],
    ['the only one demotes themselves', [sa(1)], sa(1), { role: 'operations' as const }, true],
    ['the only one keeps the role', [sa(1)], sa(1), { role: 'super_admin' as const }, false],
    ['one of two is disabled', [sa(1), sa(2)], sa(2), { disabled: true }, false],
    [
      'an operator is promoted',
      [sa(1)],
      { id: 3, role: 'finance' as const, disabled: false },
      { role: 'super_admin' as const },
      false,
    ],
    [
      'a disabled super admin is enabled',
      [],
      { id: 4, role: 'super_admin' as const, disabled: true },
      { disabled: false },
      false,
    ],
    [
      'nobody left, an operator is demoted',
      [],
      { id: 5, role: 'finance' as const, disabled: false },
      { role: 'operations' as const },
      true,
    ],
  ])('%s', (_what, superAdmins, target, change, refused) =>
    expect(leavesNoSuperAdmin(superAdmins, target, change)).toBe(refused),
  );
});

describe('operator sessions', () => {
  const states = new Map<number, OperatorState>();
  const tokens = new SessionTokens('unit-test-secret-unit-test-secret-0', 3600);
  const current = async (id: number) => states.get(id) ?? null;

  it('answers the operator as they are now: the current role, 401 when disabled, gone or signed out', async () => {
    states.set(7, { role: 'customer_service', disabled: false, tokenVersion: 2 });
    const token = tokens.issue({ kind: 'operator', operatorId: 7, tokenVersion: 2 });
    await expect(tokens.verifyOperator(token, current)).resolves.toEqual({
      kind: 'operator',
      operatorId: 7,
      role: 'customer_service',
    });
    states.set(7, { role: 'operations', disabled: false, tokenVersion: 2 });
    await expect(tokens.verifyOperator(token, current)).resolves.toMatchObject({ role: 'operations' });
    states.set(7, { role: 'operations', disabled: true, tokenVersion: 2 });
    await expect(tokens.verifyOperator(token, current)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    states.set(7, { role: 'operations', disabled: false, tokenVersion: 3 });
    await expect(tokens.verifyOperator(token, current)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    states.delete(7);
    await expect(tokens.verifyOperator(token, current)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('never takes a consumer token for an operator one, nor the reverse', async () => {
    const consumer = tokens.issue({ kind: 'consumer', userId: 7 });
    await expect(tokens.verifyOperator(consumer, current)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const operator = tokens.issue({ kind: 'operator', operatorId: 7, tokenVersion: 0 });
    expect(() => tokens.verify(operator, 'consumer')).toThrow();
  });
});

// Operator login lockout (issue 9, item 1). MariaDB's utf8mb4_unicode_ci takes `Víctim`, `VICTIM `, `ｖｉｃｔｉｍ`…
// for the stored `victim`: failures are counted on the operator row the database resolves (and, for names that
// resolve to nobody, on their folded spelling) and on the client address, so rotating spellings or addresses buys no
// extra guesses; the address counter stops a single source before it can lock an operator out; the account lock is
// time-boxed. Usernames are created canonical only, passwords must be strong.
import { createOperator } from '../../src/modules/identity';
import {
  LOGIN_FAILURES,
  loginCounterStoreKey,
  loginFailureKeys,
  resetLoginCounter,
} from '../../src/modules/identity/application/login-guard';
import { operatorLogin } from '../../src/modules/identity/application/operator-auth';
import type { IdentityDeps } from '../../src/modules/identity/application/ports';
import { adminLogin, startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
let deps: IdentityDeps;
let adminToken: string;
const LOCAL = '127.0.0.1';

beforeAll(async () => {
  t = await startTestServer();
  deps = { ...t.rt, models: t.models.identity } as IdentityDeps;
  adminToken = await adminLogin(t);
});
afterAll(() => t.close());
beforeEach(() => resetLoginCounter(t.rt.rateLimits, 'ip', loginFailureKeys(LOCAL, { unknownName: '' }).ip));

const I_FORMS = ['i', 'í', 'ì', 'î', 'ï', 'Í', 'Ì', 'Î', 'Ï', 'I'];
/** `n` spellings of a name with two i's, distinct even lower-cased, each equal to it under utf8mb4_unicode_ci */
function spellings(name: string, n: number): string[] {
  const [a, b, c] = name.split('i') as [string, string, string];
  const out: string[] = [];
  for (const x of I_FORMS.slice(0, 5))
    for (const y of I_FORMS.slice(0, 5)) if (x !== 'i' || y !== 'i') out.push(`${a}${x}${b}${y}${c}`);
  out.push(`${name.toUpperCase()} `, [...name].map((ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0)).join(''));
  if (out.length < n) throw new Error('not enough spellings');
  return out.slice(0, n);
}

const login = (username: string, password: string) =>
  t.api('POST', '/api/admin/v1/auth/login', { body: { username, password } });

it('the database really takes every spelling for the stored name (what made the old per-spelling counter useless)', async () => {
  await createOperator(
    { models: t.models.identity },
    { username: 'victim', password: 'victim-pass-1', role: 'operations' },
  );
  for (const s of spellings('victim', 26)) {
    const row = await t.models.identity.Operator.findOne({ where: { username: s } });
    expect({ s, found: row?.getDataValue('username') }).toEqual({ s, found: 'victim' });
  }
});

it('rotating spellings from one address buys no extra guesses: after 10 failures even the right password is refused', async () => {
  const tries = [];
  for (const [i, s] of spellings('victim', LOGIN_FAILURES.ip.limit).entries())
    tries.push((await login(s, `wrong-guess-${i}`)).status);
  expect(tries).toEqual(Array(LOGIN_FAILURES.ip.limit).fill(401));
  const locked = await login('victim', 'victim-pass-1');
  expect(locked.status).toBe(429);
  expect(locked.body.error.code).toBe('RATE_LIMITED');
  expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(LOGIN_FAILURES.ip.windowSec);
});

it('counts failures on the account however it is spelled and wherever they come from; the lock lasts 15 minutes', async () => {
  await createOperator(
    { models: t.models.identity },
    { username: 'victim2', password: 'victim-pass-2', role: 'finance' },
  );
  const names = spellings('victim2', LOGIN_FAILURES.account.limit);
  for (const [i, s] of names.entries()) {
    await expect(
      operatorLogin(deps, { username: s, password: `guess-${i}`, ip: `203.0.113.${i + 1}` }),
    ).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
  }
  // a fresh address, the right password: the account is locked
  await expect(
    operatorLogin(deps, { username: 'victim2', password: 'victim-pass-2', ip: '198.51.100.7' }),
  ).rejects.toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSec: expect.any(Number) } });
  const id = (await t.models.identity.Operator.findOne({ where: { username: 'victim2' } }))!.getDataValue('id');
  const key = loginCounterStoreKey('account', loginFailureKeys('198.51.100.7', { operatorId: id }).account);
  const ttl = await t.rt.redis.pttl(key);
  expect(ttl).toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(LOGIN_FAILURES.account.windowSec * 1000); // time-boxed, never permanent
  // when the window ends (simulated), the operator signs in again
  await t.rt.redis.pexpire(key, 1);
  await new Promise((r) => setTimeout(r, 20));
  const ok = await operatorLogin(deps, { username: 'victim2', password: 'victim-pass-2', ip: '198.51.100.7' });
  expect(ok.operator.username).toBe('victim2');
});

it('a right password in another spelling is still a failure: only the stored name signs in', async () => {
  await createOperator(
    { models: t.models.identity },
    { username: 'victim3', password: 'victim-pass-3', role: 'finance' },
  );
  expect((await login('víctim3', 'victim-pass-3')).status).toBe(401);
  // spellings that are the same name once normalised (case, width, surrounding spaces) do sign in
  for (const s of ['VICTIM3', ' victim3 ', 'ｖｉｃｔｉｍ３'])
    expect({ s, status: (await login(s, 'victim-pass-3')).status }).toEqual({ s, status: 200 });
});

it('probing unknown names is limited too: their spellings share one counter', async () => {
  const names = spellings('phantomi', LOGIN_FAILURES.account.limit + 1);
  for (const [i, s] of names.slice(0, -1).entries()) {
    await expect(
      operatorLogin(deps, { username: s, password: 'whatever-1', ip: `192.0.2.${i + 1}` }),
    ).rejects.toMatchObject({
      code: 'LOGIN_FAILED',
    });
  }
  await expect(
    operatorLogin(deps, { username: names.at(-1)!, password: 'whatever-1', ip: '192.0.2.200' }),
  ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
});

it('one address is stopped by its own counter before it can lock a real operator out', async () => {
  await createOperator(
    { models: t.models.identity },
    { username: 'busy.op', password: 'busy-operator-pw', role: 'finance' },
  );
  const attacker = '198.51.100.66';
  for (let i = 0; i < LOGIN_FAILURES.ip.limit; i++)
    await expect(
      operatorLogin(deps, { username: 'busy.op', password: `nope-${i}`, ip: attacker }),
    ).rejects.toMatchObject({
      code: 'LOGIN_FAILED',
    });
  // the attacker is stopped, whatever name it tries next
  for (const username of ['busy.op', 'admin', 'someone.else'])
    await expect(operatorLogin(deps, { username, password: 'x-whatever', ip: attacker })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  // the operator, from their own address, is not locked out
  const ok = await operatorLogin(deps, { username: 'busy.op', password: 'busy-operator-pw', ip: '198.51.100.10' });
  expect(ok.operator.username).toBe('busy.op');
});

it('30 parallel wrong guesses from one address: exactly 10 passwords are compared, the rest refused before', async () => {
  const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login('parallel.target', `parallel-${i}`)));
  const statuses = answers.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_FAILURES.ip.limit);
  expect(statuses.filter((s) => s === 429)).toHaveLength(30 - LOGIN_FAILURES.ip.limit);
});

it('a successful login is not counted as a failure', async () => {
  for (let i = 0; i < LOGIN_FAILURES.ip.limit + 5; i++)
    expect((await login('admin', t.admin.password)).status).toBe(200);
  expect((await login('admin', 'not-the-password')).status).toBe(401);
});

describe('creating operators', () => {
  const create = (body: object) => t.api('POST', '/api/admin/v1/operators', { token: adminToken, body });

  it.each([
    ['upper case', 'Wang.Li', 'wang.li'],
    ['a trailing space', 'wang.li ', 'wang.li'],
    ['full-width letters', 'ｗａｎｇ.ｌｉ', 'wang.li'],
  ])(
    'refuses a username with %s (400 USERNAME_NOT_CANONICAL, naming the canonical form)',
    async (_w, username, canonical) => {
      const res = await create({ username, password: 'a-Strong-passw0rd!', role: 'operations' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'USERNAME_NOT_CANONICAL', details: { canonical } });
      expect(res.body.error.message).toContain(canonical);
    },
  );

  it.each([['ab'], ['wáng'], ['wang li'], ['王力'], ['a'.repeat(33)]])(
    'refuses %j (400 USERNAME_INVALID)',
    async (username) => {
      const res = await create({ username, password: 'a-Strong-passw0rd!', role: 'operations' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('USERNAME_INVALID');
    },
  );

  it.each([
    ['shorter than 10 characters', 'Xk9-rT2p', 'PASSWORD_TOO_SHORT'],
    ['a common password', 'password123', 'PASSWORD_TOO_WEAK'],
    ['a keyboard row', 'qwertyuiop', 'PASSWORD_TOO_WEAK'],
    ['the username and a year', 'wang.li2024', 'PASSWORD_TOO_WEAK'],
  ])('refuses a password that is %s', async (_w, password, code) => {
    const res = await create({ username: 'wang.li', password, role: 'operations' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  it('creates a canonical operator with a strong password; a name the collation takes as taken is a 409', async () => {
    const res = await create({ username: 'wang.li', password: 'Plum-Harbor-47-Lantern', role: 'operations' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'wang.li', role: 'operations', disabled: false, lastLoginAt: null });
    expect((await create({ username: 'wang.li', password: 'Plum-Harbor-47-Lantern', role: 'finance' })).status).toBe(
      409,
    );
    expect(await t.models.identity.Operator.count({ where: { username: 'wang.li' } })).toBe(1);
  });

  it('admin:create goes through the same rules (createOperator)', async () => {
    await expect(
      createOperator(
        { models: t.models.identity },
        { username: 'Ops.Zhao', password: 'Plum-Harbor-47-Lantern', role: 'finance' },
      ),
    ).rejects.toMatchObject({ code: 'USERNAME_NOT_CANONICAL' });
    await expect(
      createOperator(
        { models: t.models.identity },
        { username: 'ops.zhao', password: 'password1234', role: 'finance' },
      ),
    ).rejects.toMatchObject({ code: 'PASSWORD_TOO_WEAK' });
  });
});

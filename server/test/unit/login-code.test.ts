import {
  canSendCode,
  checkCode,
  hashLoginCode,
  LOGIN_CODE,
  type StoredCode,
} from '../../src/modules/identity/domain/login-code';
import { defaultNickname, maskPhone } from '../../src/modules/identity/domain/profile';
import { mayAccess } from '../../src/http/access';

const now = new Date('2026-11-22T10:00:00Z');
const ago = (ms: number) => ({ createdAt: new Date(now.getTime() - ms) });

describe('canSendCode', () => {
  it.each([
    ['no code yet', [], { ok: true }],
    ['one sent 30 s ago', [ago(30_000)], { ok: false, reason: 'COOLDOWN', retryAfterMs: 30_000 }],
    ['one sent 60 s ago', [ago(60_000)], { ok: true }],
    [
      '10 in the last hour',
      Array.from({ length: 10 }, (_, i) => ago(120_000 + i * 60_000)),
      { ok: false, reason: 'HOURLY_LIMIT', retryAfterMs: 3_600_000 - 660_000 },
    ],
    ['9 in the last hour', Array.from({ length: 9 }, (_, i) => ago(120_000 + i * 60_000)), { ok: true }],
  ])('%s', (_what, recent, expected) => expect(canSendCode(recent, now)).toEqual(expected));
});

describe('checkCode', () => {
  const phone = '13800138000';
  const stored = (over: Partial<StoredCode> = {}): StoredCode => ({
    codeHash: hashLoginCode(phone, '123456'),
    attempts: 0,
    expiresAt: new Date(now.getTime() + 60_000),
    consumedAt: null,
    ...over,
  });
  it.each([
    ['the right code', stored(), '123456', 'OK'],
    ['a wrong code', stored(), '654321', 'MISMATCH'],
    ['no code sent', undefined, '123456', 'NO_CODE'],
    ['an expired code', stored({ expiresAt: now }), '123456', 'EXPIRED'],
    ['a used code', stored({ consumedAt: now }), '123456', 'USED'],
    ['too many attempts', stored({ attempts: LOGIN_CODE.maxAttempts }), '123456', 'TOO_MANY_ATTEMPTS'],
    ["another phone's code", { ...stored(), codeHash: hashLoginCode('13900000000', '123456') }, '123456', 'MISMATCH'],
  ])('%s → %s', (_w, s, submitted, outcome) => expect(checkCode(s, phone, submitted, now)).toBe(outcome));
});

describe('profile and roles', () => {
  it('default nicknames are stable per identity', () => {
    expect(defaultNickname('wechat', 'alice')).toBe(defaultNickname('wechat', 'alice'));
    expect(defaultNickname('wechat', 'alice')).not.toBe(defaultNickname('wechat', 'bob'));
    expect(defaultNickname('phone', '13800138000')).toBe('邻里用户8000');
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
  it.each([
    ['super_admin', [], true],
    ['operations', ['operations'], true],
    ['finance', ['operations'], false],
    ['customer_service', ['operations', 'customer_service'], true],
  ] as const)('%s with %j → %s', (role, roles, allowed) => expect(mayAccess(role, { roles })).toBe(allowed));
});

// Rules of operator accounts: pure, table-tested (server/test/unit/operator-rules.test.ts).
//
// Usernames are stored canonically: NFKC-normalised, trimmed, lower-case, `[a-z0-9_.-]{3,32}`. MariaDB compares
// them with `utf8mb4_unicode_ci`, which treats trailing spaces, case, accents and full-width letters as equal, so
// one stored name answers to many spellings; counting login failures per spelling would give an attacker a fresh
// set of guesses per spelling. Login therefore counts failures per operator *row* (as the database resolves the
// name) and, for names that resolve to nobody, per `foldUsername` key, which folds the same differences.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import type { OperatorRole } from '../../../contracts/auth';

export const USERNAME_RULE = /^[a-z0-9_.-]{3,32}$/;

/** How a username is stored and looked up: NFKC (full-width → ASCII), trimmed, lower-case. */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

export type UsernameCheck =
  | { ok: true; username: string }
  | { ok: false; reason: 'NOT_CANONICAL'; canonical: string }
  | { ok: false; reason: 'INVALID' };

/**
 * A username an operator may be created with: already canonical (no other spelling is silently stored, so what the
 * super admin typed is exactly what the operator signs in with) and `[a-z0-9_.-]{3,32}`.
 */
export function checkUsername(raw: string): UsernameCheck {
  const canonical = normalizeUsername(raw);
  if (!USERNAME_RULE.test(canonical)) return { ok: false, reason: 'INVALID' };
  if (canonical !== raw) return { ok: false, reason: 'NOT_CANONICAL', canonical };
  return { ok: true, username: canonical };
}

/**
 * The key login failures of an unknown name are counted under: the normalised name with accents stripped, so the
 * spellings the collation treats as one name share one counter even when no operator has that name.
 */
export function foldUsername(raw: string): string {
  return normalizeUsername(raw).normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFKC').replace(/\s+/g, ' ');
}

/**
 * The per-IP login failure key: an IPv4 address as is (also when written IPv4-mapped, `::ffff:1.2.3.4`), an IPv6
 * address by its /64 (one subscriber gets a whole /64, so counting single addresses would give them 2^64 tries).
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

// ---- passwords ----

export const PASSWORD_RULE = {
  minLength: 10,
  /** bcrypt reads 72 bytes; more would be silently ignored */
  maxBytes: 72,
  /** zxcvbn's 0–4 guessability score: 3 is "safely unguessable" (≥ 10^8 guesses), offline-attack resistant */
  minScore: 3,
} as const;

let zxcvbn: ZxcvbnFactory | undefined;
/** The estimator with the common dictionaries (common passwords, names, English and Wikipedia words), built once. */
function estimator(): ZxcvbnFactory {
  return (zxcvbn ??= new ZxcvbnFactory({
    dictionary: zxcvbnCommon.dictionary,
    graphs: zxcvbnCommon.adjacencyGraphs,
  }));
}

export type PasswordCheck =
  | { ok: true }
  | { ok: false; reason: 'TOO_SHORT' }
  | { ok: false; reason: 'TOO_LONG' }
  | { ok: false; reason: 'TOO_WEAK'; score: number; warning: string | null; suggestions: string[] };

/**
 * A password an operator may have: at least 10 characters, at most 72 bytes, and not guessable by zxcvbn (score ≥ 3
 * with the common-password lists), judged with the account's own words (its username, the product's name) as
 * guessable too.
 */
export function checkPassword(password: string, context: readonly string[] = []): PasswordCheck {
  if ([...password].length < PASSWORD_RULE.minLength) return { ok: false, reason: 'TOO_SHORT' };
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_RULE.maxBytes) return { ok: false, reason: 'TOO_LONG' };
  const result = estimator().check(password, ['linli', '邻里', ...context.filter((c) => c.length > 0)]);
  if (result.score >= PASSWORD_RULE.minScore) return { ok: true };
  return {
    ok: false,
    reason: 'TOO_WEAK',
    score: result.score,
    warning: result.feedback.warning ?? null,
    suggestions: result.feedback.suggestions,
  };
}

const WARNING_WORDS: Record<string, string> = {
  topTen: '这是最常见的密码之一',
  topHundred: '这是很常见的密码',
  common: '这是常见密码',
  similarToCommon: '与常见密码相似',
  wordByItself: '单个单词很容易被猜到',
  namesByThemselves: '人名很容易被猜到',
  commonNames: '常见人名很容易被猜到',
  userInputs: '不要包含用户名或产品名',
  straightRow: '键盘上连续的按键很容易被猜到',
  keyPattern: '键盘图案很容易被猜到',
  simpleRepeat: '重复的字符很容易被猜到',
  extendedRepeat: '重复的片段很容易被猜到',
  sequences: '连续的字母或数字很容易被猜到',
  recentYears: '年份很容易被猜到',
  dates: '日期很容易被猜到',
  pwned: '这个密码已在泄露的密码库中',
};

/** Why zxcvbn refused a password, in words an operator reads. */
export function weakPasswordHint(warning: string | null): string {
  return (warning && WARNING_WORDS[warning]) || '请混合更多不相关的单词、数字和符号';
}

// ---- roles ----

export interface OperatorFacts {
  id: number;
  role: OperatorRole;
  disabled: boolean;
}

/**
 * Would the change leave nobody who can manage operators? `superAdmins` are the enabled super admins now (read under
 * their row locks); the change gives `target` a new role and/or disabled flag.
 */
export function leavesNoSuperAdmin(
  superAdmins: readonly OperatorFacts[],
  target: OperatorFacts,
  change: { role?: OperatorRole; disabled?: boolean },
): boolean {
  const after = { ...target, ...change };
  const remaining = superAdmins.filter((o) => o.id !== target.id);
  const targetStays = after.role === 'super_admin' && !after.disabled;
  return remaining.length === 0 && !targetStays;
}

// Rules of the H5 phone login code: pure, table-tested.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const LOGIN_CODE = {
  ttlMs: 5 * 60_000,
  resendCooldownMs: 60_000,
  maxAttempts: 5,
  /** codes sent to one phone per rolling hour */
  maxPerHour: 10,
} as const;

export function generateLoginCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hashLoginCode(phone: string, code: string): string {
  return createHash('sha256').update(`${phone}:${code}`).digest('hex');
}

export interface IssuedCode {
  createdAt: Date;
}

export type SendDecision = { ok: true } | { ok: false; reason: 'COOLDOWN' | 'HOURLY_LIMIT'; retryAfterMs: number };

/** May another code be sent to this phone now, given the codes sent in the last hour (newest first)? */
export function canSendCode(recent: readonly IssuedCode[], now: Date): SendDecision {
  const latest = recent[0];
  if (latest) {
    const since = now.getTime() - latest.createdAt.getTime();
    if (since < LOGIN_CODE.resendCooldownMs) {
      return { ok: false, reason: 'COOLDOWN', retryAfterMs: LOGIN_CODE.resendCooldownMs - since };
    }
  }
  const inHour = recent.filter((c) => now.getTime() - c.createdAt.getTime() < 3_600_000);
  if (inHour.length >= LOGIN_CODE.maxPerHour) {
    const oldest = inHour[inHour.length - 1]!;
    return {
      ok: false,
      reason: 'HOURLY_LIMIT',
      retryAfterMs: 3_600_000 - (now.getTime() - oldest.createdAt.getTime()),
    };
  }
  return { ok: true };
}

export interface StoredCode {
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  consumedAt: Date | null;
}

export type CheckOutcome = 'OK' | 'NO_CODE' | 'EXPIRED' | 'USED' | 'TOO_MANY_ATTEMPTS' | 'MISMATCH';

/** Judges a submitted code against the newest code sent to the phone. */
export function checkCode(stored: StoredCode | undefined, phone: string, submitted: string, now: Date): CheckOutcome {
  if (!stored) return 'NO_CODE';
  if (stored.consumedAt) return 'USED';
  if (stored.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (stored.attempts >= LOGIN_CODE.maxAttempts) return 'TOO_MANY_ATTEMPTS';
  const a = Buffer.from(hashLoginCode(phone, submitted), 'hex');
  const b = Buffer.from(stored.codeHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? 'OK' : 'MISMATCH';
}

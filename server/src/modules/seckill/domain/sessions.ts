// Seckill sessions (场次) as pure rules: whole hours in Shanghai (every whole UTC hour is one, +08:00 being whole),
// at most 24 hours long; a session is upcoming, open, or ended by the business clock; its stock is warmed into
// Redis five minutes before it opens.
import { isWholeHour, startOfShanghaiDay } from '../../../kernel/shanghai-time';

const HOUR_MS = 3_600_000;
export const MAX_SESSION_MS = 24 * HOUR_MS;
/** the counters are loaded this long before a session opens (and at start-up) */
export const PREWARM_LEAD_MS = 5 * 60_000;
/** unpaid seckill orders cancel after this long (api-contract.md) */
export const SECKILL_PAYMENT_WINDOW_MS = 5 * 60_000;
/** the default day: sessions at 00, 10, 12, 16 and 20 o'clock, two hours each */
export const DEFAULT_SESSION_HOURS = [0, 10, 12, 16, 20] as const;
export const DEFAULT_SESSION_HOURS_LONG = 2;

export type SessionStatus = 'upcoming' | 'open' | 'ended';

export interface SessionWindow {
  startAt: Date;
  endAt: Date;
}

/** Why a window cannot be a session, or null when it can. */
export function sessionWindowProblem({ startAt, endAt }: SessionWindow): string | null {
  if (!isWholeHour(startAt) || !isWholeHour(endAt)) return 'not_whole_hours';
  if (endAt.getTime() <= startAt.getTime()) return 'ends_before_start';
  if (endAt.getTime() - startAt.getTime() > MAX_SESSION_MS) return 'longer_than_24h';
  return null;
}

/** Open from its start (inclusive) to its end (exclusive). */
export function sessionStatus({ startAt, endAt }: SessionWindow, now: Date): SessionStatus {
  if (now.getTime() < startAt.getTime()) return 'upcoming';
  return now.getTime() < endAt.getTime() ? 'open' : 'ended';
}

/** Whether the counters should be in Redis now: from the pre-warm lead before the start until the end. */
export function isWarmWindow({ startAt, endAt }: SessionWindow, now: Date): boolean {
  return now.getTime() >= startAt.getTime() - PREWARM_LEAD_MS && now.getTime() < endAt.getTime();
}

/** The default sessions of the Shanghai day containing `day`. */
export function defaultSessions(day: Date): SessionWindow[] {
  const midnight = startOfShanghaiDay(day).getTime();
  return DEFAULT_SESSION_HOURS.map((h) => ({
    startAt: new Date(midnight + h * HOUR_MS),
    endAt: new Date(midnight + (h + DEFAULT_SESSION_HOURS_LONG) * HOUR_MS),
  }));
}

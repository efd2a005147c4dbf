// Business time is China time: every instant is shown, and every operator-typed time is read, in Asia/Shanghai
// whatever the browser's zone. China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
import { SHANGHAI_OFFSET_MS } from '../../kernel/shanghai-time';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** An instant as Shanghai wall-clock time, "2026-11-22T12:20:00"; null when it is not a date. */
export function toShanghaiWallClock(instant: string | number | Date): string | null {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) return null;
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19);
}

/** "2026-11-22T04:20:00.000Z" → "2026-11-22 12:20:00"; text that is not a date is returned as it came. */
export function formatDateTime(instant: string): string {
  return toShanghaiWallClock(instant)?.replace('T', ' ') ?? instant;
}

/** Shanghai wall-clock "2026-11-22 12:20[:00]" → the ISO instant "2026-11-22T04:20:00.000Z"; null when malformed. */
export function fromShanghaiWallClock(wall: string): string | null {
  const m = WALL_CLOCK.exec(wall.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const date = new Date(ms - SHANGHAI_OFFSET_MS);
  // Date.UTC rolls 2026-02-30 over into March: refuse instead of guessing
  return toShanghaiWallClock(date)?.startsWith(`${y}-${mo}-${d}T${h}:${mi}`) ? date.toISOString() : null;
}

/** An instant as its Shanghai clock time "HH:mm" (a seckill session's tab); text that is not a date comes back as is. */
export function formatShanghaiTime(instant: string): string {
  return toShanghaiWallClock(instant)?.slice(11, 16) ?? instant;
}

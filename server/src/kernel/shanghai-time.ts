// Business time is UTC inside, Asia/Shanghai at the edges: calendar days for per-day limits, whole hours for
// seckill sessions, and the wire formats WeChat Pay and Alipay expect. Shanghai has had no DST since 1991, so a
// fixed +08:00 offset is exact; this is the only file that writes it.
/** UTC+8 (exported for the display helpers the admin and the mini-program share: contracts/display/time.ts) */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const OFFSET_MS = SHANGHAI_OFFSET_MS;
const HOUR_MS = 3_600_000;

/** The wall-clock fields of `at` in Shanghai, as an ISO string without zone: 2026-11-23T12:00:00.000 */
const wall = (at: Date) => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 23);

/** The calendar day (YYYY-MM-DD) in Shanghai: "per day" limits count by it. */
export function shanghaiDay(at: Date): string {
  return wall(at).slice(0, 10);
}

/** The instant the Shanghai day containing `at` began (00:00 +08:00). */
export function startOfShanghaiDay(at: Date): Date {
  return new Date(`${shanghaiDay(at)}T00:00:00+08:00`);
}

/** Whether `at` is on a whole hour (Shanghai's hours are UTC's shifted by whole hours). */
export function isWholeHour(at: Date): boolean {
  return at.getTime() % HOUR_MS === 0;
}

/** The Shanghai hour of day (0–23). */
export function shanghaiHour(at: Date): number {
  return Number(wall(at).slice(11, 13));
}

/** RFC 3339 with +08:00, as WeChat Pay wants it: 2026-11-23T12:00:00+08:00 */
export function shanghaiRfc3339(at: Date): string {
  return `${wall(at).slice(0, 19)}+08:00`;
}

/** yyyy-MM-dd HH:mm:ss in Shanghai, as Alipay writes and reads it. */
export function shanghaiDateTime(at: Date): string {
  return wall(at).slice(0, 19).replace('T', ' ');
}

/** Parses Alipay's yyyy-MM-dd HH:mm:ss (Shanghai wall time) into an instant. */
export function parseShanghaiDateTime(s: string): Date {
  return new Date(`${s.trim().replace(' ', 'T')}+08:00`);
}

/** yyyyMMddHHmmss in Shanghai (order numbers start with it). */
export function shanghaiCompactStamp(at: Date): string {
  return wall(at).slice(0, 19).replace(/\D/g, '');
}

import { randomInt } from 'node:crypto';

/**
 * Human-readable, unique order numbers that double as WeChat's out_trade_no: the Asia/Shanghai date and time to
 * the second, then 8 random digits (22 characters of [0-9]).
 */
export function newOrderNo(now: Date): string {
  const shanghai = new Date(now.getTime() + 8 * 3600_000).toISOString(); // 2026-11-22T12:34:56.789Z
  const stamp = shanghai.slice(0, 19).replace(/\D/g, '');
  return `${stamp}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

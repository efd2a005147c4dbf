import { shanghaiCompactStamp } from '../../../kernel/shanghai-time';
import { randomInt } from 'node:crypto';

/**
 * Human-readable, unique order numbers that double as WeChat's out_trade_no: the Asia/Shanghai date and time to
 * the second, then 8 random digits (22 characters of [0-9]).
 */
export function newOrderNo(now: Date): string {
  return `${shanghaiCompactStamp(now)}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

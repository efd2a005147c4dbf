// How the shop shows a seckill session and item (shared by the mini-program and the admin).
import type { PriceTag } from './price';
import { priceTag } from './price';
import { fromShanghaiWallClock, toShanghaiWallClock } from './time';

export type SeckillSessionStatus = 'upcoming' | 'open' | 'ended';

/** the session tab's state line: 已开抢 (over), 抢购中 (open), 即将开始 (to come) */
export const SECKILL_SESSION_LABELS: Record<SeckillSessionStatus, string> = {
  ended: '已开抢',
  open: '抢购中',
  upcoming: '即将开始',
};

/** Units sold as a whole percentage of the item's stock (the progress bar), 0–100. */
export function seckillSoldPercent(stock: number, remaining: number): number {
  if (stock <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor(((stock - remaining) * 100) / stock)));
}

/** The seckill price with the same SKU's ordinary price crossed out (明码标价: the reference is that SKU's). */
export function seckillPriceTag(item: { skuId: number; priceFen: number; originalPriceFen: number }): PriceTag {
  return priceTag([{ skuId: item.skuId, offerFen: item.priceFen, listPriceFen: item.originalPriceFen }])!;
}

/** What an item's button or state says, by `seckillAction` (提醒我 replaces 即将开始 where reminders exist). */
export const SECKILL_ACTION_LABELS = {
  grab: '立即抢购',
  sold_out: '已抢光',
  remind: '即将开始',
  ended: '已结束',
} as const;

/** What an item's button says: 立即抢购, 已抢光, 提醒我 (upcoming) or 已结束. */
export function seckillAction(
  status: SeckillSessionStatus,
  remaining: number,
): 'grab' | 'sold_out' | 'remind' | 'ended' {
  if (status === 'upcoming') return 'remind';
  if (status === 'ended') return 'ended';
  return remaining > 0 ? 'grab' : 'sold_out';
}

/** Why an attempt did not become an order, in the shopper's words (the codes the attempt and its writer answer). */
export function seckillRefusal(code: string | undefined): string {
  if (code === 'SOLD_OUT') return '已抢光';
  if (code === 'LIMIT_REACHED') return '已达到每人限购数量';
  if (code === 'SESSION_NOT_OPEN') return '本场秒杀未开始或已结束';
  if (code === 'SECKILL_BUSY' || code === 'RATE_LIMITED') return '抢购人数过多，请稍后再试';
  if (code === 'ADDRESS_NOT_FOUND') return '收货地址无效，请重新选择后再抢';
  return '抢购未成功，请稍后再试';
}

// The console's new-session rule: a Shanghai day, a whole starting hour and a length in hours → the ISO window.

/** The default session hours (Asia/Shanghai) and length, as merchants usually run them. */
export const DEFAULT_SESSION_HOURS = [0, 10, 12, 16, 20];
export const DEFAULT_SESSION_LENGTH = 2;

/** "2026-12-08", 10, 2 → {startAt: 02:00Z, endAt: 04:00Z}; null for a malformed day or hour, or over 24 h. */
export function sessionWindow(day: string, hour: number, hours: number): { startAt: string; endAt: string } | null {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(hours) || hours < 1 || hours > 24)
    return null;
  const startAt = fromShanghaiWallClock(`${day} ${String(hour).padStart(2, '0')}:00`);
  if (!startAt) return null;
  return { startAt, endAt: new Date(Date.parse(startAt) + hours * 3_600_000).toISOString() };
}

/** Sessions grouped by their Shanghai day, in order: the console's calendar rows. */
export function byShanghaiDay<T extends { startAt: string }>(sessions: T[]): [string, T[]][] {
  const days = new Map<string, T[]>();
  for (const s of [...sessions].sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))) {
    const day = toShanghaiWallClock(s.startAt)?.slice(0, 10) ?? s.startAt;
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return [...days];
}

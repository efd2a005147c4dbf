// How the shop shows a seckill session and item (shared by the mini-program and the admin).
import type { PriceTag } from './price';
import { priceTag } from './price';

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

/** What an item's button says: 立即抢购, 已抢光, 提醒我 (upcoming) or 已结束. */
export function seckillAction(
  status: SeckillSessionStatus,
  remaining: number,
): 'grab' | 'sold_out' | 'remind' | 'ended' {
  if (status === 'upcoming') return 'remind';
  if (status === 'ended') return 'ended';
  return remaining > 0 ? 'grab' : 'sold_out';
}

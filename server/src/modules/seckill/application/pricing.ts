// The seckill step of the order's price pipeline: the line at the item's seckill price, tagged exclusive (no
// coupon stacks on a seckill price by default: domain-rules.md, Coupons).
import type { PriceStep } from '../../order';
import { SECKILL_KIND } from '../domain/kind';

export function seckillPriceStep(itemId: number, priceFen: number): PriceStep {
  return (ctx) => ({
    ...ctx,
    lines: ctx.lines.map((l) => ({
      ...l,
      unitPriceFen: priceFen,
      campaign: { kind: SECKILL_KIND, campaignId: itemId, stacking: 'exclusive' },
    })),
  });
}

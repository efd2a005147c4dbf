// The group-buy step of the order's price pipeline: every line at the group (or leader) price, tagged with the
// campaign so later steps (coupons) know whether they may stack on it.
import type { PriceStep } from '../../order';

export function groupPriceStep(campaignId: number, unitPriceFen: number, stackWithCoupons: boolean): PriceStep {
  return (ctx) => ({
    ...ctx,
    lines: ctx.lines.map((l) => ({
      ...l,
      unitPriceFen,
      campaign: { kind: 'groupbuy', campaignId, stacking: stackWithCoupons ? 'stackable' : 'exclusive' },
    })),
  });
}

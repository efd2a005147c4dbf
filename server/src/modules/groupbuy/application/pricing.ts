// The group-buy step of the order's price pipeline: every line at the group (or leader) price, tagged with the
// campaign so later steps (coupons) know not to stack unless the campaign allows it.
import type { PriceStep } from '../../order';

export function groupPriceStep(campaignId: number, unitPriceFen: number, stackWithCoupons: boolean): PriceStep {
  return (ctx) => ({
    ...ctx,
    lines: ctx.lines.map((l) => ({
      ...l,
      unitPriceFen,
      campaign: stackWithCoupons ? `groupbuy:${campaignId}:stackable` : `groupbuy:${campaignId}`,
    })),
  });
}

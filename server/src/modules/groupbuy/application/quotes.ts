// What a seat costs before anyone pays: one unit priced by the order module's own pipeline with the group-buy
// step (leader or group price) and shipping, so the group page shows exactly what the cashier will ask for.
import type { PriceQuote } from '../../order';
import { unitPriceFor } from '../domain/rules';
import type { CampaignAttrs } from '../persistence/models';
import type { GroupbuyDeps } from './ports';
import { groupPriceStep } from './pricing';

export async function campaignQuotes(deps: GroupbuyDeps, c: Pick<CampaignAttrs, 'id' | 'stackWithCoupons'>) {
  const prices = (await deps.models.CampaignSku.findAll({ where: { campaignId: c.id }, order: [['id', 'ASC']] })).map(
    (r) => r.get({ plain: true }),
  );
  // a member's seat and a leader's for every SKU, priced together (one read of the SKUs)
  const seat = (p: (typeof prices)[number], isLeader: boolean) => ({
    items: [{ skuId: p.skuId, quantity: 1 }],
    steps: [groupPriceStep(c.id, unitPriceFor({ ...p, listPriceFen: 0 }, isLeader), !!c.stackWithCoupons)],
  });
  const quoted = await deps.orders.quote(prices.flatMap((p) => [seat(p, false), seat(p, true)]));
  const view = (q: PriceQuote) => ({
    unitPriceFen: q.itemsTotalFen,
    shippingFen: q.shippingFen,
    payableFen: q.payableFen,
  });
  return prices.flatMap((p, i) => {
    const [member, leader] = [quoted[2 * i], quoted[2 * i + 1]];
    // a SKU off shelf cannot be ordered, so it has no price to show
    if (!member || !leader) return [];
    return [{ skuId: p.skuId, leader: view(p.leaderPriceFen === null ? member : leader), member: view(member) }];
  });
}

// What a seat costs before anyone pays: one unit priced by the order module's own pipeline with the group-buy
// step (leader or group price) and shipping, so the group page shows exactly what the cashier will ask for.
import { OrderErrors } from '../../order';
import { unitPriceFor } from '../domain/rules';
import type { CampaignAttrs } from '../persistence/models';
import type { GroupbuyDeps } from './ports';
import { groupPriceStep } from './pricing';

export async function campaignQuotes(deps: GroupbuyDeps, c: Pick<CampaignAttrs, 'id' | 'stackWithCoupons'>) {
  const prices = (await deps.models.CampaignSku.findAll({ where: { campaignId: c.id }, order: [['id', 'ASC']] })).map(
    (r) => r.get({ plain: true }),
  );
  const quotes = [];
  for (const p of prices) {
    const seat = (isLeader: boolean) =>
      deps.orders
        .quote(
          [{ skuId: p.skuId, quantity: 1 }],
          [groupPriceStep(c.id, unitPriceFor({ ...p, listPriceFen: 0 }, isLeader), !!c.stackWithCoupons)],
        )
        .then((q) => ({ unitPriceFen: q.itemsTotalFen, shippingFen: q.shippingFen, payableFen: q.payableFen }));
    try {
      const member = await seat(false);
      quotes.push({ skuId: p.skuId, leader: p.leaderPriceFen === null ? member : await seat(true), member });
    } catch (e) {
      // a SKU off shelf cannot be ordered, so it has no price to show
      if (!OrderErrors.SKU_UNAVAILABLE.is(e)) throw e;
    }
  }
  return quotes;
}

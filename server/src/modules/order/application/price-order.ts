// One pricing path for the checkout preview and the order itself, so the preview is exactly what is charged.
import type { Transaction } from 'sequelize';
import { runPricing, shippingStep, startPricing, type PriceBreakdown, type PriceStep } from '../domain/pricing';
import { OrderErrors } from '../errors';
import { orderSettings, type OrderDeps, type SkuForOrder } from './ports';

export interface PricedOrder {
  skus: Map<number, SkuForOrder>;
  breakdown: PriceBreakdown;
}

/** Steps contributed by modules to the `pricingSteps` extension point, in their declared order. */
function contributedSteps(deps: OrderDeps): PriceStep[] {
  return [...deps.pricingSteps].sort((a, b) => a.order - b.order).map((s) => s.step);
}

export async function priceItems(
  deps: OrderDeps,
  t: Transaction | undefined,
  items: { skuId: number; quantity: number }[],
  campaignSteps: PriceStep[] = [],
): Promise<PricedOrder> {
  const skus = await deps.catalog.skuSnapshots(
    t,
    items.map((i) => i.skuId),
  );
  for (const item of items) {
    const sku = skus.get(item.skuId);
    if (!sku || !sku.onShelf) throw OrderErrors.SKU_UNAVAILABLE({ skuId: item.skuId });
  }
  const breakdown = runPricing(
    startPricing(
      items.map((i) => ({ skuId: i.skuId, quantity: i.quantity, listPriceFen: skus.get(i.skuId)!.priceFen })),
    ),
    // campaign prices first, then contributed steps (coupons, live prices), then shipping on what is left
    [...campaignSteps, ...contributedSteps(deps), shippingStep((await orderSettings(deps, t)).shipping)],
  );
  return { skus, breakdown };
}

/** What `items` would cost with a campaign's steps, through the same pipeline (and shipping) an order runs. */
export async function quoteItems(
  deps: OrderDeps,
  items: { skuId: number; quantity: number }[],
  campaignSteps: PriceStep[],
): Promise<PriceQuote> {
  const { breakdown } = await priceItems(deps, undefined, items, campaignSteps);
  return {
    itemsTotalFen: breakdown.itemsTotalFen,
    discountFen: breakdown.discountFen,
    shippingFen: breakdown.shippingFen,
    payableFen: breakdown.payableFen,
  };
}

export interface PriceQuote {
  itemsTotalFen: number;
  discountFen: number;
  shippingFen: number;
  payableFen: number;
}

export async function previewCheckout(deps: OrderDeps, items: { skuId: number; quantity: number }[]) {
  const { skus, breakdown } = await priceItems(deps, undefined, items);
  return {
    itemsTotalFen: breakdown.itemsTotalFen,
    discountFen: breakdown.discountFen,
    shippingFen: breakdown.shippingFen,
    payableFen: breakdown.payableFen,
    adjustments: breakdown.adjustments,
    lines: breakdown.lines.map((l) => {
      const sku = skus.get(l.skuId)!;
      return {
        skuId: sku.skuId,
        productId: sku.productId,
        title: sku.title,
        specs: sku.specs,
        image: sku.image,
        unitPriceFen: l.unitPriceFen,
        quantity: l.quantity,
        lineTotalFen: l.lineTotalFen,
        stock: sku.stock,
        available: sku.onShelf && sku.stock >= l.quantity,
      };
    }),
  };
}

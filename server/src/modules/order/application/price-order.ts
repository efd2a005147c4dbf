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

type Items = { skuId: number; quantity: number }[];

/** The pipeline on SKU facts already read: campaign steps, contributed steps, then shipping on what is left. */
function priceWith(
  deps: OrderDeps,
  skus: Map<number, SkuForOrder>,
  items: Items,
  campaignSteps: PriceStep[],
  shipping: Parameters<typeof shippingStep>[0],
): PriceBreakdown {
  for (const item of items) {
    const sku = skus.get(item.skuId);
    if (!sku || !sku.onShelf) throw OrderErrors.SKU_UNAVAILABLE({ skuId: item.skuId });
  }
  return runPricing(
    startPricing(
      items.map((i) => ({ skuId: i.skuId, quantity: i.quantity, listPriceFen: skus.get(i.skuId)!.priceFen })),
    ),
    [...campaignSteps, ...contributedSteps(deps), shippingStep(shipping)],
  );
}

export async function priceItems(
  deps: OrderDeps,
  t: Transaction | undefined,
  items: Items,
  campaignSteps: PriceStep[] = [],
): Promise<PricedOrder> {
  const skus = await deps.catalog.skuSnapshots(
    t,
    items.map((i) => i.skuId),
  );
  const { shipping } = await orderSettings(deps, t);
  return { skus, breakdown: priceWith(deps, skus, items, campaignSteps, shipping) };
}

/**
 * What each basket would cost with its campaign steps, through the same pipeline (and shipping) an order runs;
 * the SKUs of all baskets are read in one query. A basket with a SKU that cannot be sold is `null`.
 */
export async function quoteBaskets(
  deps: OrderDeps,
  baskets: { items: Items; steps: PriceStep[] }[],
): Promise<(PriceQuote | null)[]> {
  const skus = await deps.catalog.skuSnapshots(undefined, [
    ...new Set(baskets.flatMap((b) => b.items.map((i) => i.skuId))),
  ]);
  const { shipping } = await orderSettings(deps, undefined);
  return baskets.map(({ items, steps }) => {
    try {
      const breakdown = priceWith(deps, skus, items, steps, shipping);
      return {
        itemsTotalFen: breakdown.itemsTotalFen,
        discountFen: breakdown.discountFen,
        shippingFen: breakdown.shippingFen,
        payableFen: breakdown.payableFen,
      };
    } catch (e) {
      if (OrderErrors.SKU_UNAVAILABLE.is(e)) return null;
      throw e;
    }
  });
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

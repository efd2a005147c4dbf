// Pricing as a pipeline of small pure steps over one typed context: base price → campaign → coupon → shipping.
// Later modules (group buy, seckill, bargain, coupons) add steps; the order module never changes for them.
// Client-sent prices never enter: the context is built from the server's own SKU rows.

export interface PriceLine {
  skuId: number;
  quantity: number;
  /** the SKU's list price */
  listPriceFen: number;
  /** what one unit costs after campaign steps (starts at the list price) */
  unitPriceFen: number;
  /** which campaign priced it, for the order's snapshot */
  campaign?: string;
}

export interface PriceAdjustment {
  step: string;
  label: string;
  /** negative for discounts */
  amountFen: number;
}

export interface PriceContext {
  lines: PriceLine[];
  adjustments: PriceAdjustment[];
  shippingFen: number;
}

export interface ShippingRule {
  flatFeeFen: number;
  /** free shipping when the goods total reaches this (0 = always free) */
  freeOverFen: number;
}

export type PriceStep = (ctx: PriceContext) => PriceContext;

export interface PriceBreakdown {
  itemsTotalFen: number;
  discountFen: number;
  shippingFen: number;
  payableFen: number;
  lines: (PriceLine & { lineTotalFen: number })[];
  adjustments: PriceAdjustment[];
}

export const itemsTotal = (ctx: PriceContext) => ctx.lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0);

export function shippingStep(rule: ShippingRule): PriceStep {
  return (ctx) => {
    const goods = itemsTotal(ctx) + ctx.adjustments.reduce((s, a) => s + a.amountFen, 0);
    const free = rule.freeOverFen === 0 || goods >= rule.freeOverFen;
    return { ...ctx, shippingFen: free ? 0 : rule.flatFeeFen };
  };
}

export function startPricing(lines: Omit<PriceLine, 'unitPriceFen'>[]): PriceContext {
  return { lines: lines.map((l) => ({ ...l, unitPriceFen: l.listPriceFen })), adjustments: [], shippingFen: 0 };
}

export function runPricing(start: PriceContext, steps: readonly PriceStep[]): PriceBreakdown {
  const ctx = steps.reduce((c, step) => step(c), start);
  const itemsTotalFen = itemsTotal(ctx);
  const discountFen = -ctx.adjustments.reduce((s, a) => s + a.amountFen, 0);
  if (discountFen > itemsTotalFen) throw new RangeError('discounts exceed the goods total');
  return {
    itemsTotalFen,
    discountFen,
    shippingFen: ctx.shippingFen,
    payableFen: itemsTotalFen - discountFen + ctx.shippingFen,
    lines: ctx.lines.map((l) => ({ ...l, lineTotalFen: l.unitPriceFen * l.quantity })),
    adjustments: ctx.adjustments,
  };
}

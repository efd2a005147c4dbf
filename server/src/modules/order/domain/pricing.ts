// Pricing as a pipeline of small pure steps over one typed context: base price → campaign → coupon → shipping.
// Marketing modules add steps; the order module never changes for them. Client-sent prices never enter: the
// context is built from the server's own SKU rows. A step that cannot price is a typed 4xx, never a bare throw.
import { OrderErrors } from '../errors';

/** The largest amount an order column holds (INT UNSIGNED): totals beyond it are refused, never wrapped. */
export const MAX_ORDER_FEN = 4_294_967_295;

/** Which campaign priced a line, and whether later discounts (coupons) may stack on it. */
export interface CampaignTag {
  kind: string;
  campaignId: number;
  stacking: 'exclusive' | 'stackable';
}

export interface PriceLine {
  skuId: number;
  quantity: number;
  /** the SKU's list price */
  listPriceFen: number;
  /** what one unit costs after campaign steps (starts at the list price) */
  unitPriceFen: number;
  /** which campaign priced it, kept in the order line's snapshot */
  campaign?: CampaignTag;
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

function checkAmount(fen: number, what: string) {
  if (!Number.isSafeInteger(fen) || fen < 0) throw OrderErrors.PRICING_FAILED({ what, fen }, `${what}不是合法金额`);
  if (fen > MAX_ORDER_FEN) throw OrderErrors.ORDER_AMOUNT_TOO_LARGE({ what, maxFen: MAX_ORDER_FEN });
}

export function runPricing(start: PriceContext, steps: readonly PriceStep[]): PriceBreakdown {
  const ctx = steps.reduce((c, step) => step(c), start);
  for (const l of ctx.lines) {
    checkAmount(l.unitPriceFen, 'unitPriceFen');
    checkAmount(l.unitPriceFen * l.quantity, 'lineTotalFen');
  }
  for (const a of ctx.adjustments)
    if (!Number.isSafeInteger(a.amountFen) || a.amountFen > 0)
      throw OrderErrors.PRICING_FAILED({ step: a.step, amountFen: a.amountFen }, '优惠金额不合法');
  checkAmount(ctx.shippingFen, 'shippingFen');
  const itemsTotalFen = itemsTotal(ctx);
  checkAmount(itemsTotalFen, 'itemsTotalFen');
  const discountFen = -ctx.adjustments.reduce((s, a) => s + a.amountFen, 0);
  if (discountFen > itemsTotalFen) throw OrderErrors.DISCOUNT_EXCEEDS_TOTAL({ discountFen, itemsTotalFen });
  const payableFen = itemsTotalFen - discountFen + ctx.shippingFen;
  checkAmount(payableFen, 'payableFen');
  return {
    itemsTotalFen,
    discountFen,
    shippingFen: ctx.shippingFen,
    payableFen,
    lines: ctx.lines.map((l) => ({ ...l, lineTotalFen: l.unitPriceFen * l.quantity })),
    adjustments: ctx.adjustments,
  };
}

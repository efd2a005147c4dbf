// After-sales rules, pure and table-tested: which kind of request an order allows, how much each requested unit
// gives back (exact fen; shipping only when everything goes back before shipping), and the request lifecycle.

import { defineLifecycle } from '../../../kernel/lifecycle';
import { AfterSaleErrors } from '../errors';

export type AfterSaleType = 'refund_only' | 'return_refund';
export type AfterSaleStatus =
  'requested' | 'awaiting_return' | 'returning' | 'refunding' | 'refunded' | 'rejected' | 'cancelled';

export const AFTER_SALE_LIFECYCLE = defineLifecycle<AfterSaleStatus>({
  name: 'after_sale',
  errorCode: AfterSaleErrors.AFTER_SALE_STATE_INVALID.code,
  initial: ['requested'],
  transitions: {
    requested: ['refunding', 'awaiting_return', 'rejected', 'cancelled'],
    awaiting_return: ['returning', 'cancelled'],
    returning: ['refunding', 'rejected'],
    refunding: ['refunded'],
    refunded: [],
    rejected: [],
    cancelled: [],
  },
});
export const AFTER_SALE_TRANSITIONS = AFTER_SALE_LIFECYCLE.transitions;

/** Requests that still hold their units (a rejected or cancelled one frees them). */
export const LIVE_STATUSES: readonly AfterSaleStatus[] = [
  'requested',
  'awaiting_return',
  'returning',
  'refunding',
  'refunded',
];
export const OPEN_STATUSES: readonly AfterSaleStatus[] = ['requested', 'awaiting_return', 'returning', 'refunding'];

export const canMoveAfterSale = AFTER_SALE_LIFECYCLE.can;

export const AFTER_SALE_WINDOW_MS = 7 * 86_400_000;

export type TypeCheck = { ok: true } | { ok: false; code: 'AFTER_SALE_NOT_ALLOWED'; message: string };

/** Refund only before shipping; return and refund once shipped, until 7 days after completion. */
export function checkAfterSaleType(
  type: AfterSaleType,
  order: { status: string; completedAt: Date | null },
  now: Date,
  windowMs = AFTER_SALE_WINDOW_MS,
): TypeCheck {
  const no = (message: string): TypeCheck => ({ ok: false, code: 'AFTER_SALE_NOT_ALLOWED', message });
  if (type === 'refund_only') return order.status === 'to_ship' ? { ok: true } : no('仅退款只适用于未发货的订单');
  if (order.status === 'shipped') return { ok: true };
  if (order.status === 'completed') {
    const done = order.completedAt?.getTime() ?? 0;
    return now.getTime() - done <= windowMs ? { ok: true } : no('已超过售后期（确认收货后 7 天）');
  }
  return no('退货退款只适用于已发货或已完成的订单');
}

export interface OrderLine {
  orderItemId: number;
  unitPriceFen: number;
  quantity: number;
  /** units already held by other live requests */
  requestedBefore: number;
}

export type AmountResult =
  | { ok: true; amountFen: number; lines: { orderItemId: number; quantity: number; amountFen: number }[] }
  | { ok: false; code: 'AFTER_SALE_QUANTITY_INVALID'; message: string; details: Record<string, number> };

/**
 * The amount for the requested units: unit price × quantity per line. When a refund-only request takes back the
 * last units of the order, it is everything still refundable, shipping included, so the parts sum exactly to
 * what was paid. Never above `refundableFen`.
 */
export function afterSaleAmount(
  lines: OrderLine[],
  request: { orderItemId: number; quantity: number }[],
  type: AfterSaleType,
  refundableFen: number,
): AmountResult {
  const out: { orderItemId: number; quantity: number; amountFen: number }[] = [];
  for (const r of request) {
    const line = lines.find((l) => l.orderItemId === r.orderItemId);
    const left = line ? line.quantity - line.requestedBefore : 0;
    if (!line || !Number.isInteger(r.quantity) || r.quantity < 1 || r.quantity > left) {
      return {
        ok: false,
        code: 'AFTER_SALE_QUANTITY_INVALID',
        message: '申请数量超过可售后数量',
        details: { orderItemId: r.orderItemId, available: Math.max(0, left) },
      };
    }
    out.push({ orderItemId: r.orderItemId, quantity: r.quantity, amountFen: line.unitPriceFen * r.quantity });
  }
  const goods = out.reduce((s, l) => s + l.amountFen, 0);
  // the request that takes back the last units gives back everything still refundable (shipping included)
  const everything = lines.every((l) => {
    const asked = request.filter((r) => r.orderItemId === l.orderItemId).reduce((s, r) => s + r.quantity, 0);
    return l.requestedBefore + asked === l.quantity;
  });
  const amountFen = type === 'refund_only' && everything ? refundableFen : Math.min(goods, refundableFen);
  return { ok: true, amountFen, lines: out };
}

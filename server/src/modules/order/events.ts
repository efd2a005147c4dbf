// The order's typed events: any module subscribes (kit/events.ts) — in the transaction that caused the event when
// it must be atomic with it (a group seat freed with its cancelled order), through the outbox when it must be
// durable (a notice, a rebate). Payloads are plain JSON (the outbox stores them).
import type { CampaignTag } from './domain/pricing';
import type { OrderStatus } from './domain/lifecycle';

export interface OrderEventBase {
  orderId: number;
  orderNo: string;
  userId: number;
  /** 'normal' or the marketing module that placed it */
  kind: string;
}

export interface OrderLineFacts {
  orderItemId: number;
  productId: number;
  skuId: number;
  quantity: number;
  lineTotalFen: number;
  campaign: CampaignTag | null;
}

export interface OrderEvents {
  'order.placed': OrderEventBase & { payableFen: number; lines: OrderLineFacts[] };
  /** money arrived; `status` is where the order went (to_ship, or awaiting_group for a group order) */
  'order.paid': OrderEventBase & { paidFen: number; status: OrderStatus };
  /** an unpaid order was cancelled (its stock is already back) */
  'order.cancelled': OrderEventBase & { reason: string };
  /** `title`: the first line's title (what a shipping notice names) */
  'order.shipped': OrderEventBase & { carrier: string; trackingNo: string; title: string };
  'order.completed': OrderEventBase;
  /** a refund settled: `whole` when refunds now cover everything paid (the order is `refunded`) */
  'order.refunded': OrderEventBase & { amountFen: number; refundedFen: number; whole: boolean; shipped: boolean };
}

declare module '../../kit/events' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the augmentation is the point
  interface DomainEvents extends OrderEvents {}
}

// The payment module's typed events (kit/events.ts).
import type { RefundReason } from './application/refunds';

export interface PaymentEvents {
  /** a refund reached the payer (after the order has taken it: `order.refunded` comes first) */
  'refund.settled': { refundId: number; orderId: number; amountFen: number; reason: RefundReason };
}

declare module '../../kit/events' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the augmentation is the point
  interface DomainEvents extends PaymentEvents {}
}

// The order lifecycle as data (api-contract.md statuses). Every status change goes through `assertTransition`.
import type { z } from 'zod';
import { OrderStatus as OrderStatusSchema } from '../../../contracts/order';
import { conflict } from '../../../kernel/errors';

/** The statuses are the API's (contracts/order.ts); the table below says how they move. */
export const ORDER_STATUSES = OrderStatusSchema.options;
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['to_ship', 'awaiting_group', 'cancelled'],
  awaiting_group: ['to_ship', 'refunding'],
  to_ship: ['shipped', 'refunding'],
  shipped: ['completed', 'refunding'],
  completed: ['refunding'],
  refunding: ['refunded', 'to_ship', 'shipped', 'completed'], // back when an after-sale is rejected
  cancelled: [],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw conflict('ORDER_STATE_INVALID', `订单当前状态（${from}）不能变为 ${to}`, { from, to });
  }
}

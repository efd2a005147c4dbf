// The order lifecycle as data (api-contract.md statuses). Every status write goes through `moveStatus` with it.
import type { z } from 'zod';
import { OrderStatus as OrderStatusSchema } from '../../../contracts/order';
import { defineLifecycle } from '../../../kernel/lifecycle';
import { OrderErrors } from '../errors';

/** The statuses are the API's (contracts/order.ts); the table below says how they move. */
export const ORDER_STATUSES = OrderStatusSchema.options;
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const ORDER_LIFECYCLE = defineLifecycle<OrderStatus>({
  name: 'order',
  errorCode: OrderErrors.ORDER_STATE_INVALID.code,
  initial: ['pending_payment'],
  transitions: {
    pending_payment: ['to_ship', 'awaiting_group', 'cancelled'],
    awaiting_group: ['to_ship', 'refunding'],
    to_ship: ['shipped', 'refunding'],
    shipped: ['completed', 'refunding'],
    completed: ['refunding'],
    refunding: ['refunded', 'awaiting_group', 'to_ship', 'shipped', 'completed'], // back when an after-sale ends
    cancelled: [],
    refunded: [],
  },
});

export const ORDER_TRANSITIONS = ORDER_LIFECYCLE.transitions;

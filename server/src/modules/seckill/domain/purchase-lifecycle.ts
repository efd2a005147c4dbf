// A seckill purchase (one accepted attempt) as data: the order writer creates it `ordered` (its order awaits
// payment) or `failed` (no order could be made; its units went back). Paid orders hold their units; a cancel, or
// a refund before shipping, returns them (`returned`). Units held = ordered + paid.
import { defineLifecycle } from '../../../kernel/lifecycle';
import { SeckillErrors } from '../errors';

export type PurchaseStatus = 'ordered' | 'paid' | 'returned' | 'failed';

export const PURCHASE_LIFECYCLE = defineLifecycle<PurchaseStatus>({
  name: 'seckill_purchase',
  errorCode: SeckillErrors.PURCHASE_STATE_INVALID.code,
  initial: ['ordered', 'failed'],
  transitions: {
    ordered: ['paid', 'returned'],
    paid: ['returned'],
    returned: [],
    failed: [],
  },
});

/** the statuses whose units are taken from the item's stock */
export const HOLDING: readonly PurchaseStatus[] = ['ordered', 'paid'];

// Payment and refund lifecycles as data. A payment row is one order's attempt on one channel; a refund row is
// one out_refund_no. Every status write is `moveStatus` with these tables.
import { defineLifecycle } from '../../../kernel/lifecycle';
import { PaymentErrors } from '../errors';

export type PaymentChannel = 'wechat' | 'alipay';
export type PaymentStatus = 'created' | 'paid' | 'closed';
export type RefundStatus = 'pending' | 'processing' | 'succeeded' | 'failed';

export const PAYMENT_LIFECYCLE = defineLifecycle<PaymentStatus>({
  name: 'payment',
  errorCode: PaymentErrors.PAYMENT_STATE_INVALID.code,
  initial: ['created'],
  transitions: {
    created: ['paid', 'closed'],
    // a payment that lands after we closed our side (the channel had already taken it) is still money received
    closed: ['paid'],
    paid: [],
  },
});

export const REFUND_LIFECYCLE = defineLifecycle<RefundStatus>({
  name: 'refund',
  errorCode: PaymentErrors.REFUND_STATE_INVALID.code,
  initial: ['pending'],
  transitions: {
    pending: ['processing', 'succeeded', 'failed'],
    processing: ['succeeded', 'failed'],
    succeeded: [],
    failed: [],
  },
});

export const PAYMENT_TRANSITIONS = PAYMENT_LIFECYCLE.transitions;
export const REFUND_TRANSITIONS = REFUND_LIFECYCLE.transitions;
export const canMovePayment = PAYMENT_LIFECYCLE.can;
export const canMoveRefund = REFUND_LIFECYCLE.can;

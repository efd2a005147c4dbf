// Payment and refund lifecycles as data. A payment row is one order's attempt on one channel; a refund row is
// one out_refund_no. Every status change is a conditional update from an allowed `from`.
export type PaymentChannel = 'wechat' | 'alipay';
export type PaymentStatus = 'created' | 'paid' | 'closed';
export type RefundStatus = 'pending' | 'processing' | 'succeeded' | 'failed';

export const PAYMENT_TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  created: ['paid', 'closed'],
  // a payment that lands after we closed our side (the channel had already taken it) is still money received
  closed: ['paid'],
  paid: [],
};

export const REFUND_TRANSITIONS: Record<RefundStatus, readonly RefundStatus[]> = {
  pending: ['processing', 'succeeded', 'failed'],
  processing: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

export function canMoveRefund(from: RefundStatus, to: RefundStatus): boolean {
  return REFUND_TRANSITIONS[from].includes(to);
}

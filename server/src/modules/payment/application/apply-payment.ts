// A confirmed payment (notification, query or close-time discovery) is applied exactly once: the payment row is
// locked and moved to `paid` once; the order moves under its own lock; a payment for an order that can no
// longer take it (cancelled meanwhile, or paid on another channel) is recorded and refunded in full, in the
// same transaction.
import type { Transaction } from 'sequelize';
import { inTransaction } from '../../../platform/db/transaction';
import { moveStatus } from '../../../platform/db/status-move';
import { PAYMENT_LIFECYCLE, type PaymentChannel } from '../domain/lifecycle';
import type { PaymentDeps } from './ports';
import { lockPayment, requestRefund } from './refunds';

export interface ConfirmedPayment {
  channel: PaymentChannel;
  outTradeNo: string;
  transactionId: string;
  amountFen: number;
  paidAt: Date;
}

export type ApplyOutcome = 'applied' | 'duplicate' | 'refunded_late' | 'unknown_trade' | 'amount_mismatch';

export async function applyConfirmedPayment(deps: PaymentDeps, p: ConfirmedPayment): Promise<ApplyOutcome> {
  return inTransaction(deps.sequelize, deps.db, (t) => applyConfirmedPaymentIn(deps, t, p));
}

/** The same in the caller's transaction (which may already hold the payment row's lock). */
export async function applyConfirmedPaymentIn(
  deps: PaymentDeps,
  t: Transaction,
  p: ConfirmedPayment,
): Promise<ApplyOutcome> {
  const payment = await lockPayment(deps, t, { channel: p.channel, outTradeNo: p.outTradeNo });
  if (!payment) {
    deps.logger.error({ ...p }, 'payment for an unknown out_trade_no');
    return 'unknown_trade';
  }
  if (payment.status === 'paid') {
    if (payment.transactionId !== p.transactionId)
      deps.logger.error({ ...p, known: payment.transactionId }, 'a second transaction for one out_trade_no');
    return 'duplicate';
  }
  if (p.amountFen !== payment.amountFen) {
    deps.logger.error({ ...p, expected: payment.amountFen }, 'paid amount differs from the amount we asked for');
    return 'amount_mismatch';
  }
  await moveStatus(t, deps.models.Payment, PAYMENT_LIFECYCLE, { id: payment.id }, payment.status, 'paid', {
    transactionId: p.transactionId,
    paidFen: p.amountFen,
    paidAt: p.paidAt,
  });
  const order = await deps.orders.applyPaid(t, payment.orderId, p.amountFen, p.paidAt);
  if (order === 'applied') return 'applied';
  const paid = { ...payment, status: 'paid' as const, paidFen: p.amountFen, transactionId: p.transactionId };
  await requestRefund(deps, t, paid, {
    amountFen: p.amountFen,
    reason: order === 'cancelled' ? 'late_payment' : 'duplicate_payment',
    note: '订单已取消或已由其他方式支付，款项原路退回',
  });
  deps.logger.warn({ ...p, orderId: payment.orderId }, 'payment arrived for an order that cannot take it: refunding');
  return 'refunded_late';
}

// Payments and refunds: WeChat Pay v3 prepay, verified notifications applied once, close-before-cancel, the
// payment-query fallback job, and refunds through the outbox (never more than was paid).
import type { Transaction } from 'sequelize';
import { defineModule } from '../../kit/module';
import {
  closeOpenPayments,
  openPaymentCount,
  syncUnconfirmedPayments,
  type CloseOutcome,
} from './application/close-payments';
import type { PaymentDeps } from './application/ports';
import {
  confirmRefund,
  REFUND_CONFIRM,
  REFUND_SUBMIT,
  refundableFenOf,
  refundOrder,
  refundStatuses,
  submitRefund,
  type RefundReason,
} from './application/refunds';
import type { RefundStatus } from './domain/lifecycle';
import { paymentRoutes } from './http/routes';
import { definePaymentModels, type PaymentModels } from './persistence/models';
import './events';

export { PAYMENT_LIFECYCLE, REFUND_LIFECYCLE } from './domain/lifecycle';
export { PaymentErrors } from './errors';
export type { PaymentEvents } from './events';
export type { PaymentModels, RefundReason, RefundStatus };

export interface PaymentApi {
  /** closes the order's open channel orders (before a cancel); 'paid' when the channel took the money meanwhile */
  closeOpenPayments(orderId: number): Promise<CloseOutcome>;
  /** how many of the order's payments are still open at a channel, read in the caller's transaction */
  openPayments(t: Transaction, orderId: number): Promise<number>;
  /** what is left to refund on the order's payment, under the payment's row lock */
  refundableFen(t: Transaction, orderId: number): Promise<number>;
  /** records a refund (with its outbox message) in the caller's transaction; never above what was paid */
  refundOrder(
    t: Transaction,
    orderId: number,
    r: { amountFen: number; reason: RefundReason; note?: string },
  ): Promise<{ refundId: number; outRefundNo: string }>;
  refundStatuses(refundIds: number[]): Promise<Map<number, RefundStatus>>;
}

declare module '../../kit/module' {
  interface ModuleApis {
    payment: PaymentApi;
  }
}

export const paymentModule = defineModule({
  name: 'payment',
  models: definePaymentModels,
  create(ctx, models) {
    const { rt } = ctx;
    const identity = ctx.port('identity');
    const deps: PaymentDeps = {
      ...rt, // the platform pieces the deps name (sequelize, db, clock, logger, outbox, audit…)
      models,
      events: ctx.events,
      publicBase: () => rt.selfUrl.value,
      orders: ctx.port('order'),
      // in sandbox an H5 (phone) user pays in the simulated cashier as a synthetic payer
      payerOpenid: async (userId, channel) =>
        (await identity.subjectOf(userId, channel)) ?? (rt.config.sandbox ? `sandbox_h5_${userId}` : null),
    };
    return {
      api: {
        closeOpenPayments: (orderId) => closeOpenPayments(deps, orderId),
        openPayments: (t, orderId) => openPaymentCount(deps, t, orderId),
        refundableFen: (t, orderId) => refundableFenOf(deps, t, orderId),
        refundOrder: (t, orderId, r) => refundOrder(deps, t, orderId, r),
        refundStatuses: (ids) => refundStatuses(deps, ids),
      },
      routes: paymentRoutes(deps),
      jobs: [{ name: 'query-unconfirmed-payments', schedule: '* * * * *', run: () => syncUnconfirmedPayments(deps) }],
      outbox: {
        [REFUND_SUBMIT]: (p) => submitRefund(deps, Number(p.refundId)),
        [REFUND_CONFIRM]: (p) => confirmRefund(deps, Number(p.refundId)),
      },
    };
  },
});

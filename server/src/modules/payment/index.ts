// Payments and refunds: WeChat Pay v3 prepay, verified notifications applied once, close-before-cancel, the
// payment-query fallback job, and refunds through the outbox (never more than was paid).
import type { RouteSpec } from '../../http/route';
import type { JobDefinition } from '../../platform/jobs/scheduler';
import { closeOpenPayments, syncUnconfirmedPayments } from './application/close-payments';
import type { PaymentDeps } from './application/ports';
import { confirmRefund, REFUND_CONFIRM, REFUND_SUBMIT, submitRefund } from './application/refunds';
import { paymentRoutes } from './http/routes';

export { definePaymentModels, type PaymentModels } from './persistence/models';
export type { OrdersPort, PaymentDeps, OrderForPayment } from './application/ports';
export { refundableFenOf, refundOrder, refundStatuses, type RefundReason } from './application/refunds';

export function createPaymentModule(deps: PaymentDeps): {
  routes: RouteSpec[];
  jobs: JobDefinition[];
  closeOpenPayments(orderId: number): ReturnType<typeof closeOpenPayments>;
} {
  deps.outbox.register(REFUND_SUBMIT, (p) => submitRefund(deps, Number(p.refundId)));
  deps.outbox.register(REFUND_CONFIRM, (p) => confirmRefund(deps, Number(p.refundId)));
  return {
    routes: paymentRoutes(deps),
    jobs: [{ name: 'query-unconfirmed-payments', schedule: '* * * * *', run: () => syncUnconfirmedPayments(deps) }],
    closeOpenPayments: (orderId) => closeOpenPayments(deps, orderId),
  };
}

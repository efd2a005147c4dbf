// Orders: server-side pricing, atomic stock reservation, snapshots, the declared lifecycle, timeouts.
import type { RouteSpec } from '../../http/route';
import type { JobDefinition } from '../../platform/jobs/scheduler';
import type { OrderDeps } from './application/ports';
import { cancelExpiredOrders } from './application/transitions';
import { autoConfirmShipped } from './application/receipt';
import { orderRoutes } from './http/routes';

export { defineOrderModels, type OrderModels } from './persistence/models';
export { ORDER_SETTINGS, type CatalogPort, type OrderDeps } from './application/ports';
export { ORDER_TRANSITIONS, type OrderStatus } from './domain/lifecycle';
export { applyPaid, orderForPayment, refundSettled } from './application/payment-events';
export type { OrderKindHooks, PaymentsPort } from './application/ports';
export { placeOrderIn, type OrderExtension } from './application/place-order';
export { cancelOrder, moveOrder } from './application/transitions';
export { hasPaidOrder, orderStatuses, releaseAwaiting } from './application/campaign-orders';
export type { PriceStep, PriceContext } from './domain/pricing';
export type { OrderAttrs } from './persistence/models';
export { beginRefund, endRefund, lockOrderFacts } from './application/refund-state';

export function createOrderModule(deps: OrderDeps): { routes: RouteSpec[]; jobs: JobDefinition[] } {
  return {
    routes: orderRoutes(deps),
    jobs: [
      {
        name: 'cancel-unpaid-orders',
        schedule: '* * * * *',
        run: async ({ now }) => cancelExpiredOrders(deps, now),
      },
      { name: 'auto-confirm-receipts', schedule: '0 * * * *', run: async ({ now }) => autoConfirmShipped(deps, now) },
    ],
  };
}

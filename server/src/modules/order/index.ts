// Orders: server-side pricing, atomic stock reservation, snapshots, the declared lifecycle, timeouts.
import type { RouteSpec } from '../../http/route';
import type { JobDefinition } from '../../platform/jobs/scheduler';
import type { OrderDeps } from './application/ports';
import { cancelExpiredOrders } from './application/transitions';
import { orderRoutes } from './http/routes';

export { defineOrderModels, type OrderModels } from './persistence/models';
export { DEFAULT_ORDER_SETTINGS, type CatalogPort, type OrderDeps } from './application/ports';
export { ORDER_TRANSITIONS, type OrderStatus } from './domain/lifecycle';

export function createOrderModule(deps: OrderDeps): { routes: RouteSpec[]; jobs: JobDefinition[] } {
  return {
    routes: orderRoutes(deps),
    jobs: [
      {
        name: 'cancel-unpaid-orders',
        schedule: '* * * * *',
        run: async ({ now }) => cancelExpiredOrders(deps, now),
      },
    ],
  };
}

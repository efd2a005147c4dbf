// After-sales: refund only before shipping, return and refund after; per line and partial; operator decisions;
// refunds through the payment module's outbox; stock back when goods never left or came back.
import type { Transaction } from 'sequelize';
import type { RouteSpec } from '../../http/route';
import { afterSaleRefundSettled } from './application/decisions';
import type { AfterSaleDeps } from './application/ports';
import { afterSaleRoutes } from './http/routes';

export { defineAfterSaleModels, type AfterSaleModels } from './persistence/models';
export type { AfterSaleDeps, AfterSaleOrdersPort, AfterSalePaymentsPort, OrderFacts } from './application/ports';

export function createAfterSaleModule(deps: AfterSaleDeps): {
  routes: RouteSpec[];
  onRefundSettled(refundId: number, t: Transaction): Promise<void>;
} {
  return {
    routes: afterSaleRoutes(deps),
    onRefundSettled: (refundId, t) => afterSaleRefundSettled(deps, refundId, t),
  };
}

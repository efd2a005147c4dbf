// After-sales: refund only before shipping, return and refund after; per line and partial; operator decisions
// (audited); refunds through the payment module's outbox; stock back when goods never left or came back.
import { defineModule } from '../../kit/module';
import { onEvent } from '../../kit/events';
import { refundWholeOrder } from '../../flows/refund-whole-order';
import { afterSaleRefundSettled } from './application/decisions';
import './events';
import type { AfterSaleDeps } from './application/ports';
import { afterSaleRoutes } from './http/routes';
import { defineAfterSaleModels, type AfterSaleModels } from './persistence/models';

export { AFTER_SALE_LIFECYCLE } from './domain/rules';
export type { AfterSaleEvents } from './events';
export { AfterSaleErrors } from './errors';
export type { AfterSaleModels };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- nothing is offered to other modules yet
export interface AfterSaleApi {}

declare module '../../kit/module' {
  interface ModuleApis {
    afterSale: AfterSaleApi;
  }
}

export const afterSaleModule = defineModule({
  name: 'afterSale',
  models: defineAfterSaleModels,
  create(ctx, models) {
    const { rt } = ctx;
    const orders = ctx.port('order');
    const payments = ctx.port('payment');
    const catalog = ctx.port('catalog');
    const deps: AfterSaleDeps = {
      ...rt, // the platform pieces the deps name (sequelize, db, clock, logger, outbox, audit…)
      models,
      events: ctx.events,
      orders,
      payments,
      settingsStore: rt.settings,
      stock: catalog,
      images: { storeImage: (file) => catalog.storeImage(file) },
      refundWholeOrder: (t, orderId, note) => refundWholeOrder({ orders, payments }, t, orderId, 'operator', note),
    };
    return {
      api: {},
      routes: afterSaleRoutes(deps),
      subscriptions: [onEvent('refund.settled', (t, e) => afterSaleRefundSettled(deps, t, e.refundId))],
    };
  },
});

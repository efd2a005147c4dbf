// Orders: server-side pricing, atomic stock reservation, snapshots, the declared lifecycle, timeouts, and the
// order events every other module subscribes to. Marketing modules declare their order kinds and price steps
// through the `orderKinds` and `pricingSteps` extension points; they never edit this module.
import type { Transaction } from 'sequelize';
import type { z } from 'zod';
import type { Address, CreateOrderRequest, Order } from '../../contracts/order';
import { defineModule } from '../../kit/module';
import { autoConfirmShipped } from './application/receipt';
import { hasPaidOrder, orderStatuses, releaseAwaiting } from './application/campaign-orders';
import { applyPaid, orderForPayment, refundSettled } from './application/payment-events';
import { placeOrderIn, type OrderExtension } from './application/place-order';
import { quoteBaskets, type PriceQuote } from './application/price-order';
import type { ContributedPriceStep, OrderDeps, OrderKindPolicy } from './application/ports';
import { beginRefund, endRefund, lockOrderFacts } from './application/refund-state';
import { cancelExpiredOrders, cancelOrder, type CancelOutcome } from './application/transitions';
import { orderRoutes } from './http/routes';
import { defineOrderModels, type OrderModels } from './persistence/models';
import type { OperatorRef } from '../../platform/audit/audit-log';
import type { PriceStep } from './domain/pricing';
import './events';

export { ORDER_LIFECYCLE, ORDER_TRANSITIONS, type OrderStatus } from './domain/lifecycle';
export { OrderErrors, ORDER_PLACEMENT_ERRORS } from './errors';
export type { CampaignTag, PriceStep, PriceContext } from './domain/pricing';
export type { OrderEvents, OrderEventBase } from './events';
export type { OrderKindPolicy, ContributedPriceStep, OrderExtension, OrderModels, PriceQuote };

type OrderFacts = Awaited<ReturnType<typeof lockOrderFacts>>;

/** The order module's public API (every function that writes takes the caller's transaction first). */
export interface OrderApi {
  /** places an order inside the caller's transaction (a marketing module adds its own work to the same one) */
  placeIn(
    t: Transaction,
    userId: number,
    input: z.output<typeof CreateOrderRequest>,
    address: Address,
    ext?: OrderExtension,
  ): Promise<Order>;
  /**
   * what each basket would cost with its campaign price steps (then every contributed step and shipping): the same
   * pipeline `placeIn` charges with, so a campaign page shows what its order will charge. The SKUs of all baskets
   * are read at once; a basket with a SKU that cannot be sold is `null`.
   */
  quote(
    baskets: { items: { skuId: number; quantity: number }[]; steps: PriceStep[] }[],
  ): Promise<(PriceQuote | null)[]>;
  applyPaid(t: Transaction, orderId: number, paidFen: number, paidAt: Date): ReturnType<typeof applyPaid>;
  refundSettled(
    t: Transaction,
    orderId: number,
    refundedFen: number,
    settled: { amountFen: number; reason: string },
  ): Promise<void>;
  /** the order as a payment sees it; only the owner's with `userId`; under its row lock with `lock` (needs `t`) */
  forPayment(
    t: Transaction | undefined,
    orderId: number,
    opts?: { userId?: number; lock?: boolean },
  ): ReturnType<typeof orderForPayment>;
  cancel(
    orderId: number,
    reason: string,
    opts?: { userId?: number; ifUnpaid?: boolean; by?: OperatorRef },
  ): Promise<CancelOutcome>;
  lockFacts(t: Transaction, orderId: number, userId?: number): Promise<OrderFacts>;
  beginRefund(t: Transaction, orderId: number): Promise<void>;
  endRefund(t: Transaction, orderId: number): Promise<void>;
  releaseAwaiting(t: Transaction, orderIds: number[]): Promise<void>;
  hasPaidOrder(t: Transaction | undefined, userId: number): Promise<boolean>;
  statuses(orderIds: number[]): Promise<Map<number, string>>;
}

declare module '../../kit/module' {
  interface ModuleApis {
    order: OrderApi;
  }
  interface Extensions {
    orderKinds: OrderKindPolicy;
    pricingSteps: ContributedPriceStep;
  }
}

export const orderModule = defineModule({
  name: 'order',
  models: defineOrderModels,
  create(ctx, models) {
    const { rt } = ctx;
    const notifications = ctx.port('notification');
    const deps: OrderDeps = {
      ...rt, // the platform pieces the deps name (sequelize, db, clock, logger, outbox, audit…)
      models,
      catalog: ctx.port('catalog'),
      addresses: ctx.port('address'),
      payments: ctx.port('payment'),
      buyers: ctx.port('identity'),
      settingsStore: rt.settings,
      events: ctx.events,
      notify: (t, userId, event, facts, key) => notifications.notify(t, userId, event, facts, key),
      kinds: ctx.collect('orderKinds'),
      pricingSteps: ctx.collect('pricingSteps'),
    };
    return {
      api: {
        placeIn: (t, userId, input, address, ext) => placeOrderIn(deps, t, userId, input, address, ext),
        quote: (baskets) => quoteBaskets(deps, baskets),
        applyPaid: (t, orderId, paidFen, paidAt) => applyPaid(deps, t, orderId, paidFen, paidAt),
        refundSettled: (t, orderId, refundedFen, settled) => refundSettled(deps, t, orderId, refundedFen, settled),
        forPayment: (t, orderId, opts) => orderForPayment(deps, t, orderId, opts),
        cancel: (orderId, reason, opts) => cancelOrder(deps, orderId, reason, opts),
        lockFacts: (t, orderId, userId) => lockOrderFacts(deps, t, orderId, userId),
        beginRefund: (t, orderId) => beginRefund(deps, t, orderId),
        endRefund: (t, orderId) => endRefund(deps, t, orderId),
        releaseAwaiting: (t, ids) => releaseAwaiting(deps, t, ids),
        hasPaidOrder: (t, userId) => hasPaidOrder(deps, t, userId),
        statuses: (ids) => orderStatuses(deps, ids),
      },
      routes: orderRoutes(deps),
      jobs: [
        { name: 'cancel-unpaid-orders', schedule: '* * * * *', run: ({ now }) => cancelExpiredOrders(deps, now) },
        { name: 'auto-confirm-receipts', schedule: '0 * * * *', run: ({ now }) => autoConfirmShipped(deps, now) },
      ],
    };
  },
});

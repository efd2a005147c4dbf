// Wires the feature modules to the runtime and to each other (through ports, never internals). Returns every
// module's routes and jobs for app.ts to mount.
import path from 'node:path';
import type { RouteSpec } from './http/route';
import { LocalFileStorage } from './platform/storage/image-storage';
import { createAddressModule, getOwnAddress } from './modules/address';
import {
  addSales,
  createCatalogModule,
  ProductDetailCache,
  releaseStock,
  reserveStock,
  skuSnapshots,
  type CatalogDeps,
} from './modules/catalog';
import { createIdentityModule, subjectOf, userProfiles } from './modules/identity';
import {
  applyPaid,
  beginRefund,
  cancelOrder,
  createOrderModule,
  hasPaidOrder,
  orderStatuses,
  placeOrderIn,
  releaseAwaiting,
  endRefund,
  lockOrderFacts,
  orderForPayment,
  refundSettled,
  type OrderDeps,
} from './modules/order';
import { createPaymentModule, refundableFenOf, refundOrder, refundStatuses, type PaymentDeps } from './modules/payment';
import { createAfterSaleModule } from './modules/after-sale';
import { createNotificationModule } from './modules/notification';
import { createGroupbuyModule } from './modules/groupbuy';
import { createCartModule } from './modules/cart';
import { refundWholeOrder } from './flows/refund-whole-order';
import { AppError } from './kernel/errors';
import type { JobDefinition } from './platform/jobs/scheduler';
import type { Runtime } from './platform/runtime';

export function composeModules(rt: Runtime): { routes: RouteSpec[]; jobs: JobDefinition[] } {
  const identity = createIdentityModule(
    {
      sequelize: rt.sequelize,
      models: rt.models.identity,
      tokens: rt.tokens,
      clock: rt.clock,
      wechat: rt.wechat,
      alipay: rt.alipay,
      sms: rt.sms,
      audit: rt.audit,
      logger: rt.logger,
    },
    rt.rateLimits,
  );
  const catalogDeps: CatalogDeps = {
    sequelize: rt.sequelize,
    db: rt.db,
    models: rt.models.catalog,
    audit: rt.audit,
    detailCache: new ProductDetailCache(rt.redis, rt.logger),
    images: new LocalFileStorage(path.join(rt.config.dataDir, 'uploads')),
    logger: rt.logger,
  };
  const catalog = createCatalogModule(catalogDeps);
  const addressDeps = { sequelize: rt.sequelize, db: rt.db, Address: rt.models.address };
  const address = createAddressModule(addressDeps);
  const notifications = createNotificationModule({
    outbox: rt.outbox,
    wechat: rt.wechat,
    logger: rt.logger,
    templateIds: rt.config.wechat.templates,
    openidOf: (userId) => subjectOf(rt.models.identity, userId, 'wechat'),
  });
  const orderDeps: OrderDeps = {
    sequelize: rt.sequelize,
    db: rt.db,
    models: rt.models.order,
    catalog: {
      skuSnapshots: (ids, t) => skuSnapshots(catalogDeps, ids, t),
      reserveStock: (lines, t) => reserveStock(catalogDeps, lines, t),
      releaseStock: (lines, t) => releaseStock(catalogDeps, lines, t),
      addSales: (lines, t) => addSales(catalogDeps, lines, t),
    },
    addressOf: (userId, id) => getOwnAddress(addressDeps, userId, id),
    idempotency: rt.idempotency,
    clock: rt.clock,
    settingsStore: rt.settings,
    kinds: {},
    notify: notifications.notify,
    logger: rt.logger,
  };
  const order = createOrderModule(orderDeps);
  const paymentDeps: PaymentDeps = {
    sequelize: rt.sequelize,
    db: rt.db,
    models: rt.models.payment,
    clock: rt.clock,
    logger: rt.logger,
    outbox: rt.outbox,
    wechatPay: rt.wechatPay,
    alipay: rt.alipay,
    publicBase: () => rt.selfUrl.value,
    orders: {
      ownOrder: (userId, orderId) => orderForPayment(orderDeps, userId, orderId),
      applyPaid: (orderId, paidFen, paidAt, t) => applyPaid(orderDeps, orderId, paidFen, paidAt, t),
      refundSettled: (orderId, refundedFen, settled, t) => refundSettled(orderDeps, orderId, refundedFen, settled, t),
    },
    // in sandbox an H5 (phone) user pays in the simulated cashier as a synthetic payer
    payerOpenid: async (userId, channel) =>
      (await subjectOf(rt.models.identity, userId, channel)) ?? (rt.config.sandbox ? `sandbox_h5_${userId}` : null),
    refundListeners: [],
  };
  const payment = createPaymentModule(paymentDeps);
  orderDeps.payments = { closeOpenPayments: (orderId) => payment.closeOpenPayments(orderId) };
  const afterSale = createAfterSaleModule({
    sequelize: rt.sequelize,
    db: rt.db,
    models: rt.models.afterSale,
    clock: rt.clock,
    logger: rt.logger,
    orders: {
      lockOrder: (orderId, userId, t) => lockOrderFacts(orderDeps, orderId, userId, t),
      beginRefund: (orderId, t) => beginRefund(orderDeps, orderId, t),
      endRefund: (orderId, t) => endRefund(orderDeps, orderId, t),
      releaseStock: (lines, t) => releaseStock(catalogDeps, lines, t),
    },
    payments: {
      refundableFen: (orderId, t) => refundableFenOf(paymentDeps, orderId, t),
      refundOrder: (t, orderId, r) => refundOrder(paymentDeps, t, orderId, { ...r, reason: 'after_sale' }),
      refundStatus: (ids) => refundStatuses(paymentDeps, ids),
      refundWhole: (orderId, note, t) => refundWholeOrder(orderDeps, paymentDeps, t, orderId, 'operator', note),
    },
  });
  paymentDeps.refundListeners.push(afterSale.onRefundSettled);

  const groupbuy = createGroupbuyModule({
    sequelize: rt.sequelize,
    db: rt.db,
    models: rt.models.groupbuy,
    clock: rt.clock,
    logger: rt.logger,
    idempotency: rt.idempotency,
    outbox: rt.outbox,
    redis: rt.redis,
    wechat: rt.wechat,
    notify: notifications.notify,
    catalog: {
      skus: (ids, t) => skuSnapshots(catalogDeps, ids, t),
      productSkus: async (productId) => {
        const ids = await rt.models.catalog.Sku.findAll({ where: { productId }, attributes: ['id'] });
        return [
          ...(
            await skuSnapshots(
              catalogDeps,
              ids.map((r) => r.getDataValue('id')),
            )
          ).values(),
        ];
      },
    },
    orders: {
      addressOf: (userId, id) => getOwnAddress(addressDeps, userId, id),
      place: (t, userId, input, address, ext) => placeOrderIn(orderDeps, t, userId, input, address, ext),
      hasPaidOrder: (userId, t) => hasPaidOrder(orderDeps, userId, t),
      release: (ids, t) => releaseAwaiting(orderDeps, ids, t),
      refundWhole: (orderId, t) => refundWholeOrder(orderDeps, paymentDeps, t, orderId, 'group_failed', '拼团未成功'),
      cancelUnpaid: async (orderId) => {
        try {
          await cancelOrder(orderDeps, orderId, 'group_closed');
        } catch (err) {
          // already paid or moved on: the group's payment hook handles that order
          if (!(err instanceof AppError) || err.kind !== 'conflict') throw err;
        }
      },
      statuses: (ids) => orderStatuses(orderDeps, ids),
    },
    profiles: (userIds) => userProfiles(rt.models.identity, userIds),
  });
  orderDeps.kinds.groupbuy = groupbuy.orderHooks;

  const cart = createCartModule({
    sequelize: rt.sequelize,
    CartItem: rt.models.cart,
    skus: (ids) => skuSnapshots(catalogDeps, ids),
  });
  return {
    routes: [
      ...identity.routes,
      ...catalog.routes,
      ...address.routes,
      ...order.routes,
      ...payment.routes,
      ...afterSale.routes,
      ...groupbuy.routes,
      ...cart.routes,
    ],
    jobs: [...identity.jobs, ...order.jobs, ...payment.jobs, ...groupbuy.jobs],
  };
}

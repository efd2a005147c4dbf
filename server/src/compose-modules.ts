// Wires the feature modules to the runtime and to each other (through ports, never internals). Returns every
// module's routes and jobs for app.ts to mount.
import type { RouteSpec } from './http/route';
import { createAddressModule, getOwnAddress } from './modules/address';
import { createCatalogModule, releaseStock, reserveStock, skuSnapshots, type CatalogDeps } from './modules/catalog';
import { createIdentityModule } from './modules/identity';
import { createOrderModule, DEFAULT_ORDER_SETTINGS } from './modules/order';
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
  const catalogDeps: CatalogDeps = { sequelize: rt.sequelize, models: rt.models.catalog, audit: rt.audit };
  const catalog = createCatalogModule(catalogDeps);
  const addressDeps = { sequelize: rt.sequelize, db: rt.db, Address: rt.models.address };
  const address = createAddressModule(addressDeps);
  const order = createOrderModule({
    sequelize: rt.sequelize,
    db: rt.db,
    models: rt.models.order,
    catalog: {
      skuSnapshots: (ids, t) => skuSnapshots(catalogDeps, ids, t),
      reserveStock: (lines, t) => reserveStock(catalogDeps, lines, t),
      releaseStock: (lines, t) => releaseStock(catalogDeps, lines, t),
    },
    addressOf: (userId, id) => getOwnAddress(addressDeps, userId, id),
    idempotency: rt.idempotency,
    clock: rt.clock,
    settings: DEFAULT_ORDER_SETTINGS,
    logger: rt.logger,
  });
  return {
    routes: [...identity.routes, ...catalog.routes, ...address.routes, ...order.routes],
    jobs: [...identity.jobs, ...order.jobs],
  };
}

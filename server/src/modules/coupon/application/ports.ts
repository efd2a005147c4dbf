import type { Sequelize } from 'sequelize';
import type { Clock } from '../../../kernel/clock';
import type { AuditLog } from '../../../platform/audit/audit-log';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Quotas } from '../../../platform/db/quota';
import type { CatalogApi } from '../../catalog';
import type { CouponModels } from '../persistence/models';

/** What coupons need from the platform and from other modules (their public APIs satisfy these). */
export interface CouponDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  models: CouponModels;
  clock: Clock;
  quotas: Quotas;
  audit: AuditLog;
  catalog: Pick<CatalogApi, 'skuSnapshots' | 'productCategories'>;
}

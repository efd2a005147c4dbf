import type { Sequelize } from 'sequelize';
import type { AuditLog, OperatorRef } from '../../../platform/audit/audit-log';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Logger } from '../../../platform/logger';
import type { ImageStorage } from '../../../platform/storage/image-storage';
import type { CatalogModels } from '../persistence/models';
import type { ProductDetailCache } from './detail-cache';
import type { CatalogHotReads } from './hot-reads';

export interface CatalogDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  models: CatalogModels;
  audit: AuditLog;
  /** the product detail cache in Redis (static part only; stock and prices are read live behind hotReads) */
  detailCache: ProductDetailCache;
  /** hot public reads from this instance's memory (≤ 1 s); writes tell it what they changed */
  hotReads: CatalogHotReads;
  images: ImageStorage;
  logger: Logger;
}

/** What writing a product or reading stock needs (the demo seed and the order module's ports pass only this). */
export type CatalogDb = Pick<CatalogDeps, 'sequelize' | 'models'>;

/** Who did it, for the audit log. */
export type Operator = OperatorRef;

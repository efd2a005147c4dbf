import type { Sequelize } from 'sequelize';
import type { AuditLog } from '../../audit';
import type { CatalogModels } from '../persistence/models';

export interface CatalogDeps {
  sequelize: Sequelize;
  models: CatalogModels;
  audit: AuditLog;
}

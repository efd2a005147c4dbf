import type { Sequelize, Transaction } from 'sequelize';
import type { Address } from '../../../contracts/order';
import type { Clock } from '../../../kernel/clock';
import type { AuditLog } from '../../../platform/audit/audit-log';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Quotas } from '../../../platform/db/quota';
import type { Idempotency } from '../../../platform/idempotency';
import type { Logger } from '../../../platform/logger';
import type { RedisClient } from '../../../platform/redis/redis';
import type { CatalogApi } from '../../catalog';
import type { Notify } from '../../notification';
import type { OrderApi } from '../../order';
import type { SeckillModels } from '../persistence/models';
import type { SeckillCounters } from './counters';
import type { SoldOutFlags } from './sold-out';

/** What seckill needs from the platform and from other modules (their public APIs satisfy these). */
export interface SeckillDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  models: SeckillModels;
  clock: Clock;
  logger: Logger;
  redis: RedisClient;
  quotas: Quotas;
  audit: AuditLog;
  idempotency: Idempotency;
  counters: SeckillCounters;
  soldOut: SoldOutFlags;
  catalog: Pick<CatalogApi, 'skuSnapshots' | 'reserveStock' | 'releaseStock'>;
  addresses: { ownAddress(userId: number, addressId: number): Promise<Address> };
  orders: Pick<OrderApi, 'placeIn'>;
  /** queues a WeChat subscribe message in the caller's transaction (the 提醒我 notices) */
  notify: Notify;
  /** wakes this instance's order writer (an attempt was queued) */
  wakeWriter(): void;
}

export type SeckillTx = Transaction;

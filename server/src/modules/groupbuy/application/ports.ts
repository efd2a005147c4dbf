import type { Sequelize, Transaction } from 'sequelize';
import type { Address } from '../../../contracts/order';
import type { Clock } from '../../../kernel/clock';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Idempotency } from '../../../platform/idempotency';
import type { Logger } from '../../../platform/logger';
import type { Outbox } from '../../../platform/outbox/outbox';
import type { RedisClient } from '../../../platform/redis/redis';
import type { WechatClient } from '../../../platform/wechat/wechat-client';
import type { Notify } from '../../notification';
import type { OrderApi } from '../../order';
import type { AuditLog } from '../../../platform/audit/audit-log';
import type { Quotas } from '../../../platform/db/quota';
import type { GroupbuyModels } from '../persistence/models';
import type { CampaignCards, GroupPages } from './group-pages';

export interface SkuFacts {
  skuId: number;
  productId: number;
  title: string;
  specs: Record<string, string>;
  image: string | null;
  priceFen: number;
  stock: number;
  onShelf: boolean;
}

/** What group buy needs from other modules (their public APIs satisfy these). */
export interface GroupbuyDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  models: GroupbuyModels;
  clock: Clock;
  logger: Logger;
  idempotency: Idempotency;
  outbox: Outbox;
  redis: RedisClient;
  wechat: WechatClient;
  quotas: Quotas;
  audit: AuditLog;
  notify: Notify;
  catalog: {
    skuSnapshots(t: Transaction | undefined, skuIds: number[]): Promise<Map<number, SkuFacts>>;
  };
  addresses: { ownAddress(userId: number, addressId: number): Promise<Address> };
  orders: Pick<OrderApi, 'placeIn' | 'quote' | 'hasPaidOrder' | 'releaseAwaiting' | 'cancel' | 'statuses'>;
  /** awaiting_group → refunding and a full refund through the payment channel (outbox), in `t` */
  refundWholeOrder(t: Transaction, orderId: number): Promise<{ amountFen: number }>;
  profiles(userIds: number[]): Promise<Map<number, { nickname: string; avatar: string | null }>>;
  /** public group pages from memory (≤ 1 s); whatever changes a group says so */
  groupPages: GroupPages;
  /** what groups show of their campaign, from memory (≤ 1 s) */
  campaignCards: CampaignCards;
}

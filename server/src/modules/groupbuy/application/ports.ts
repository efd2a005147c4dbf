import type { Sequelize, Transaction } from 'sequelize';
import type { z } from 'zod';
import type { Address, CreateOrderRequest, Order } from '../../../contracts/order';
import type { Clock } from '../../../kernel/clock';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Idempotency } from '../../../platform/idempotency';
import type { Logger } from '../../../platform/logger';
import type { Outbox } from '../../../platform/outbox/outbox';
import type { RedisClient } from '../../../platform/redis/redis';
import type { WechatClient } from '../../../platform/wechat/wechat-client';
import type { Notify } from '../../notification';
import type { OrderExtension } from '../../order';
import type { GroupbuyModels } from '../persistence/models';

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

/** What group buy needs from other modules, bound by the composition root. */
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
  notify: Notify;
  catalog: {
    skus(skuIds: number[], t?: Transaction): Promise<Map<number, SkuFacts>>;
    productSkus(productId: number): Promise<SkuFacts[]>;
  };
  orders: {
    addressOf(userId: number, addressId: number): Promise<Address>;
    place(
      t: Transaction,
      userId: number,
      input: z.output<typeof CreateOrderRequest>,
      address: Address,
      ext: OrderExtension,
    ): Promise<Order>;
    /** whether the user has ever paid for an order (new-users-only campaigns) */
    hasPaidOrder(userId: number, t?: Transaction): Promise<boolean>;
    /** moves members' orders from awaiting_group, under their row locks */
    release(orderIds: number[], t: Transaction): Promise<void>;
    /** awaiting_group → refunding and a full refund through the payment channel (outbox), in `t` */
    refundWhole(orderId: number, t: Transaction): Promise<{ amountFen: number }>;
    /** the ordinary cancel (closes the channel order first); outside any transaction */
    cancelUnpaid(orderId: number): Promise<void>;
    statuses(orderIds: number[]): Promise<Map<number, string>>;
  };
  profiles(userIds: number[]): Promise<Map<number, { nickname: string; avatar: string | null }>>;
}

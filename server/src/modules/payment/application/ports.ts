import type { Sequelize, Transaction } from 'sequelize';
import type { Clock } from '../../../kernel/clock';
import type { EventBus } from '../../../kit/events';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Logger } from '../../../platform/logger';
import type { Outbox } from '../../../platform/outbox/outbox';
import type { AlipayClient } from '../../../platform/alipay/alipay-client';
import type { WechatPayClient } from '../../../platform/wechatpay/wechatpay-client';
import type { PaymentChannel } from '../domain/lifecycle';
import type { PaymentModels } from '../persistence/models';

export interface OrderForPayment {
  id: number;
  orderNo: string;
  userId: number;
  status: string;
  payableFen: number;
  payDeadline: Date;
  /** shown in the payer's bill, ≤ 127 chars */
  description: string;
}

/** What payments need from orders (the order module's API satisfies it). */
export interface OrdersPort {
  /**
   * The order (ORDER_NOT_FOUND when missing): only the consumer's own with `userId` (anyone else's is
   * ORDER_NOT_FOUND too), under the order's row lock in `t` with `lock`.
   */
  forPayment(
    t: Transaction | undefined,
    orderId: number,
    opts?: { userId?: number; lock?: boolean },
  ): Promise<OrderForPayment>;
  /** applies a confirmed payment under the order's row lock, or says why the order cannot take it */
  applyPaid(
    t: Transaction,
    orderId: number,
    paidFen: number,
    paidAt: Date,
  ): Promise<'applied' | 'cancelled' | 'already_paid'>;
  /** a refund settled; `refundedFen` is the order's total of settled refunds */
  refundSettled(
    t: Transaction,
    orderId: number,
    refundedFen: number,
    settled: { amountFen: number; reason: string },
  ): Promise<void>;
}

export interface PaymentDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  models: PaymentModels;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  events: EventBus;
  wechatPay: WechatPayClient;
  alipay: AlipayClient;
  /** where the channels reach our notify URLs */
  publicBase: () => string;
  orders: OrdersPort;
  /** the payer's openid on a channel (null: the user never signed in there) */
  payerOpenid(userId: number, channel: PaymentChannel): Promise<string | null>;
}

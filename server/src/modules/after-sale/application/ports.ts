import type { Sequelize, Transaction } from 'sequelize';
import type { Clock } from '../../../kernel/clock';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Logger } from '../../../platform/logger';
import type { AfterSaleModels } from '../persistence/models';

export interface OrderFacts {
  id: number;
  userId: number;
  status: string;
  paidFen: number;
  completedAt: Date | null;
  items: { id: number; skuId: number; unitPriceFen: number; quantity: number }[];
}

/** What after-sales need from orders (bound by the composition root). */
export interface AfterSaleOrdersPort {
  /** locks the order row; `userId` limits it to the owner (anyone else's is ORDER_NOT_FOUND) */
  lockOrder(orderId: number, userId: number | undefined, t: Transaction): Promise<OrderFacts>;
  /** the order enters `refunding`, remembering where it was */
  beginRefund(orderId: number, t: Transaction): Promise<void>;
  /** the request ended without a refund: back to where it was */
  endRefund(orderId: number, t: Transaction): Promise<void>;
  releaseStock(lines: { skuId: number; quantity: number }[], t: Transaction): Promise<void>;
}

export interface AfterSalePaymentsPort {
  /** the order enters refunding and everything still refundable goes back (a flow across order and payment) */
  refundWhole(orderId: number, note: string, t: Transaction): Promise<{ amountFen: number }>;
  refundableFen(orderId: number, t: Transaction): Promise<number>;
  refundOrder(t: Transaction, orderId: number, r: { amountFen: number; note: string }): Promise<{ refundId: number }>;
  refundStatus(refundIds: number[]): Promise<Map<number, 'pending' | 'processing' | 'succeeded' | 'failed'>>;
}

export interface AfterSaleDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  models: AfterSaleModels;
  clock: Clock;
  logger: Logger;
  orders: AfterSaleOrdersPort;
  payments: AfterSalePaymentsPort;
}

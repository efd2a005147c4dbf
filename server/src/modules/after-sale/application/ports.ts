import type { Sequelize, Transaction } from 'sequelize';
import type { Clock } from '../../../kernel/clock';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Logger } from '../../../platform/logger';
import type { EventBus } from '../../../kit/events';
import type { AuditLog } from '../../../platform/audit/audit-log';
import type { Idempotency } from '../../../platform/idempotency';
import type { SettingsStore } from '../../../platform/settings/settings-store';
import type { AfterSaleModels } from '../persistence/models';

export interface OrderFacts {
  id: number;
  orderNo: string;
  userId: number;
  status: string;
  /** its kind keeps its own stock (seckill): an unshipped refund's units go back to the kind, not the SKU */
  ownStock: boolean;
  shipped: boolean;
  paidFen: number;
  completedAt: Date | null;
  items: { id: number; skuId: number; unitPriceFen: number; quantity: number }[];
}

/** What after-sales need from orders (the order module's API satisfies it). */
export interface AfterSaleOrdersPort {
  /** locks the order row; `userId` limits it to the owner (anyone else's is ORDER_NOT_FOUND) */
  lockFacts(t: Transaction, orderId: number, userId?: number): Promise<OrderFacts>;
  /** the order enters `refunding`, remembering where it was */
  beginRefund(t: Transaction, orderId: number): Promise<void>;
  /** the request ended without a refund: back to where it was */
  endRefund(t: Transaction, orderId: number): Promise<void>;
}

export interface AfterSalePaymentsPort {
  refundableFen(t: Transaction, orderId: number): Promise<number>;
  refundOrder(
    t: Transaction,
    orderId: number,
    r: { amountFen: number; reason: 'after_sale'; note: string },
  ): Promise<{ refundId: number }>;
  refundStatuses(refundIds: number[]): Promise<Map<number, 'pending' | 'processing' | 'succeeded' | 'failed'>>;
}

/** An uploaded file as the route's upload reader hands it over. */
export interface UploadedFile {
  buffer: Buffer;
  size: number;
}

/** The catalog's image machinery (its API satisfies it): bytes sniffed, size checked, stored and served. */
export interface AfterSaleImagesPort {
  storeImage(file: UploadedFile | undefined): Promise<{ url: string }>;
}

export interface AfterSaleDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  models: AfterSaleModels;
  clock: Clock;
  logger: Logger;
  idempotency: Idempotency;
  audit: AuditLog;
  settingsStore: SettingsStore;
  events: EventBus;
  images: AfterSaleImagesPort;
  orders: AfterSaleOrdersPort;
  payments: AfterSalePaymentsPort;
  stock: { releaseStock(t: Transaction, lines: { skuId: number; quantity: number }[]): Promise<void> };
  /** the order enters refunding and everything still refundable goes back (flows/refund-whole-order) */
  refundWholeOrder(t: Transaction, orderId: number, note: string): Promise<{ amountFen: number }>;
}

import type { Sequelize, Transaction } from 'sequelize';
import type { Clock } from '../../../kernel/clock';
import type { Address } from '../../../contracts/order';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Idempotency } from '../../../platform/idempotency';
import type { Logger } from '../../../platform/logger';
import type { ShippingRule } from '../domain/pricing';
import type { OrderModels } from '../persistence/models';

export interface SkuForOrder {
  skuId: number;
  productId: number;
  title: string;
  specs: Record<string, string>;
  image: string | null;
  priceFen: number;
  stock: number;
  onShelf: boolean;
}

/** What the order module needs from the catalog, wired by the composition root. */
export interface CatalogPort {
  skuSnapshots(skuIds: number[], t?: Transaction): Promise<Map<number, SkuForOrder>>;
  reserveStock(lines: { skuId: number; quantity: number }[], t: Transaction): Promise<void>;
  releaseStock(lines: { skuId: number; quantity: number }[], t: Transaction): Promise<void>;
}

export interface OrderSettings {
  paymentTimeoutMs: number;
  shipping: ShippingRule;
}

export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
  paymentTimeoutMs: 30 * 60_000,
  shipping: { flatFeeFen: 800, freeOverFen: 9900 },
};

export interface OrderDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  models: OrderModels;
  catalog: CatalogPort;
  addressOf(userId: number, addressId: number): Promise<Address>;
  idempotency: Idempotency;
  clock: Clock;
  settings: OrderSettings;
  logger: Logger;
}

import type { Sequelize, Transaction } from 'sequelize';
import type { z } from 'zod';
import { OrderSettingsDoc as OrderSettingsDocSchema } from '../../../contracts/order';
import type { SettingDefinition, SettingsStore } from '../../../platform/settings/settings-store';
import type { Notify } from '../../notification';
import type { Clock } from '../../../kernel/clock';
import type { Address } from '../../../contracts/order';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Idempotency } from '../../../platform/idempotency';
import type { Logger } from '../../../platform/logger';
import type { ShippingRule } from '../domain/pricing';
import type { OrderStatus } from '../domain/lifecycle';
import type { OrderAttrs, OrderModels } from '../persistence/models';

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
  /** counts units sold on their products (the list's sort by sales) */
  addSales(lines: { productId: number; quantity: number }[], t: Transaction): Promise<void>;
}

export interface OrderSettings {
  paymentTimeoutMs: number;
  /** shipped orders complete on their own after this long (7 days) */
  autoConfirmMs: number;
  shipping: ShippingRule;
}

export type OrderSettingsDoc = z.output<typeof OrderSettingsDocSchema>;

/** Operators edit these in the admin (GET/PUT /api/admin/v1/settings/order); the defaults follow CRMEB/litemall. */
export const ORDER_SETTINGS: SettingDefinition<typeof OrderSettingsDocSchema> = {
  key: 'order',
  schema: OrderSettingsDocSchema,
  defaults: { paymentTimeoutMinutes: 30, autoConfirmDays: 7, shippingFlatFeeFen: 800, freeShippingOverFen: 9900 },
};

export function toOrderSettings(doc: OrderSettingsDoc): OrderSettings {
  return {
    paymentTimeoutMs: doc.paymentTimeoutMinutes * 60_000,
    autoConfirmMs: doc.autoConfirmDays * 86_400_000,
    shipping: { flatFeeFen: doc.shippingFlatFeeFen, freeOverFen: doc.freeShippingOverFen },
  };
}

export interface OrderDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  models: OrderModels;
  catalog: CatalogPort;
  addressOf(userId: number, addressId: number): Promise<Address>;
  idempotency: Idempotency;
  clock: Clock;
  settingsStore: SettingsStore;
  logger: Logger;
  /** queues a notice to the user in the caller's transaction (notification module) */
  notify?: Notify;
  /** closes the order's channel orders before a cancel (payments module, bound by the composition root) */
  payments?: PaymentsPort;
  /** lifecycle hooks of order kinds owned by marketing modules (group buy: kind 'groupbuy') */
  kinds: Record<string, OrderKindHooks>;
}

/** What a marketing module decides for its own orders, inside the order's transaction and row lock. */
export interface OrderKindHooks {
  /** the status a paid order takes (group buy: awaiting_group, or to_ship when this payment completes it) */
  paidStatus(order: OrderAttrs, t: Transaction): Promise<OrderStatus>;
  /** an unpaid order was cancelled: give back what it held (a group seat) */
  cancelled?(order: OrderAttrs, t: Transaction): Promise<void>;
  /** the order is now fully refunded */
  refunded?(order: OrderAttrs, t: Transaction): Promise<void>;
}

export interface PaymentsPort {
  closeOpenPayments(orderId: number): Promise<'closed' | 'paid' | 'unavailable'>;
}

export async function orderSettings(deps: OrderDeps, t?: Transaction): Promise<OrderSettings> {
  return toOrderSettings(await deps.settingsStore.get(ORDER_SETTINGS, t));
}

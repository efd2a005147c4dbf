import type { Sequelize, Transaction } from 'sequelize';
import type { z } from 'zod';
import { OrderSettingsDoc as OrderSettingsDocSchema } from '../../../contracts/order';
import type { SettingDefinition, SettingsStore } from '../../../platform/settings/settings-store';
import type { Notify } from '../../notification';
import type { Clock } from '../../../kernel/clock';
import type { Address } from '../../../contracts/order';
import type { EventBus } from '../../../kit/events';
import type { AuditLog } from '../../../platform/audit/audit-log';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Idempotency } from '../../../platform/idempotency';
import type { Logger } from '../../../platform/logger';
import type { PriceStep, ShippingRule } from '../domain/pricing';
import type { OrderStatus } from '../domain/lifecycle';
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
  skuSnapshots(t: Transaction | undefined, skuIds: number[]): Promise<Map<number, SkuForOrder>>;
  reserveStock(t: Transaction, lines: { skuId: number; quantity: number }[]): Promise<void>;
  releaseStock(t: Transaction, lines: { skuId: number; quantity: number }[]): Promise<void>;
  /** counts units sold on their products (the list's sort by sales) */
  addSales(t: Transaction, lines: { productId: number; quantity: number }[]): Promise<void>;
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

/** What the order module needs from addresses and payments (their public APIs satisfy these). */
export interface AddressPort {
  ownAddress(userId: number, addressId: number): Promise<Address>;
}
export interface PaymentsPort {
  /** closes the order's channel orders before a cancel ('paid': the channel took the money meanwhile) */
  closeOpenPayments(orderId: number): Promise<'closed' | 'paid' | 'unavailable'>;
  /** how many of the order's payments are still open at a channel (read in the caller's transaction) */
  openPayments(t: Transaction, orderId: number): Promise<number>;
}

/** Buyers as operators' lists name them (identity module; the phone comes masked, never whole). */
export interface BuyersPort {
  buyerLabels(userIds: number[]): Promise<Map<number, { nickname: string; maskedPhone: string | null }>>;
}

/** A price step a module adds to every order (a coupon, a live price); `order` sorts them (lower runs first). */
export interface ContributedPriceStep {
  name: string;
  order: number;
  step: PriceStep;
}

/** How a marketing module's orders behave (contributed to the `orderKinds` extension point). */
export interface OrderKindPolicy {
  kind: string;
  /** the status a paid order takes: group orders wait for their group (`awaiting_group`) */
  paidStatus: Extract<OrderStatus, 'to_ship' | 'awaiting_group'>;
  /**
   * the kind keeps its own stock (seckill moves units out of the SKU when an item is created): its orders neither
   * reserve nor release the SKU's stock, and the module returns units itself on the order events
   */
  ownStock?: boolean;
  /** how long its orders wait for payment, instead of the shop's setting (seckill: 5 minutes) */
  paymentWindowMs?: number;
}

export function kindPolicy(deps: Pick<OrderDeps, 'kinds'>, kind: string): OrderKindPolicy | undefined {
  return deps.kinds.find((k) => k.kind === kind);
}

export interface OrderDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  models: OrderModels;
  catalog: CatalogPort;
  addresses: AddressPort;
  payments: PaymentsPort;
  buyers: BuyersPort;
  idempotency: Idempotency;
  clock: Clock;
  settingsStore: SettingsStore;
  logger: Logger;
  audit: AuditLog;
  events: EventBus;
  /** queues a notice to the user in the caller's transaction (notification module) */
  notify: Notify;
  /** order kinds of the marketing modules (complete once every module is created) */
  kinds: readonly OrderKindPolicy[];
  /** price steps every order runs after its campaign's (coupons, live prices), from the `pricingSteps` extension */
  pricingSteps: readonly ContributedPriceStep[];
}

export async function orderSettings(deps: OrderDeps, t: Transaction | undefined): Promise<OrderSettings> {
  return toOrderSettings(await deps.settingsStore.get(t, ORDER_SETTINGS));
}

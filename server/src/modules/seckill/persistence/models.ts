import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import { bindLifecycle } from '../../../platform/db/status-move';
import { PURCHASE_LIFECYCLE, type PurchaseStatus } from '../domain/purchase-lifecycle';

export interface SessionAttrs {
  id: number;
  startAt: Date;
  endAt: Date;
  /** when the unsold units went back to their SKUs (the session ended) */
  settledAt: Date | null;
  createdAt: Date;
}
export interface ItemAttrs {
  id: number;
  sessionId: number;
  skuId: number;
  productId: number;
  priceFen: number;
  /** units moved out of the SKU's stock for this item */
  stock: number;
  perUserLimit: number;
  /** units given back to the SKU (at the session's end, and by cancels after it) */
  returned: number;
  createdAt: Date;
}
export interface PurchaseAttrs {
  id: number;
  /** the attempt the Lua script accepted (unique: the log's replay writes each once) */
  attemptId: string;
  itemId: number;
  userId: number;
  quantity: number;
  orderId: number | null;
  status: PurchaseStatus;
  reason: string | null;
  createdAt: Date;
}

export interface ReminderAttrs {
  id: number;
  itemId: number;
  userId: number;
  /** the session's start: when the notice is due */
  remindAt: Date;
  /** when its notice was queued (null: still to send) */
  sentAt: Date | null;
  createdAt: Date;
}

type Nullable<A> = { [K in keyof A]: null extends A[K] ? K : never }[keyof A];
type M<A extends object, C extends keyof A> = ModelStatic<Model<A, Optional<A, C>>>;
export interface SeckillModels {
  Session: M<SessionAttrs, 'id' | 'createdAt' | Nullable<SessionAttrs>>;
  Item: M<ItemAttrs, 'id' | 'returned' | 'createdAt'>;
  Purchase: M<PurchaseAttrs, 'id' | 'createdAt' | Nullable<PurchaseAttrs>>;
  Reminder: M<ReminderAttrs, 'id' | 'createdAt' | Nullable<ReminderAttrs>>;
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
const int = DataTypes.INTEGER;
const date = DataTypes.DATE(3);

export function defineSeckillModels(sequelize: Sequelize): SeckillModels {
  const Session: SeckillModels['Session'] = sequelize.define(
    'SeckillSession',
    { id, startAt: date, endAt: date, settledAt: date, createdAt: date },
    { tableName: 'seckill_sessions' },
  );
  const Item: SeckillModels['Item'] = sequelize.define(
    'SeckillItem',
    {
      id,
      sessionId: int,
      skuId: int,
      productId: int,
      priceFen: int,
      stock: int,
      perUserLimit: int,
      returned: { type: int, defaultValue: 0 },
      createdAt: date,
    },
    { tableName: 'seckill_items' },
  );
  const Purchase: SeckillModels['Purchase'] = sequelize.define(
    'SeckillPurchase',
    {
      id,
      attemptId: DataTypes.STRING(48),
      itemId: int,
      userId: int,
      quantity: int,
      orderId: int,
      status: DataTypes.STRING(16),
      reason: DataTypes.STRING(48),
      createdAt: date,
    },
    { tableName: 'seckill_purchases' },
  );
  bindLifecycle(Purchase, PURCHASE_LIFECYCLE);
  const Reminder: SeckillModels['Reminder'] = sequelize.define(
    'SeckillReminder',
    { id, itemId: int, userId: int, remindAt: date, sentAt: date, createdAt: date },
    { tableName: 'seckill_reminders', updatedAt: false },
  );
  return { Session, Item, Purchase, Reminder };
}

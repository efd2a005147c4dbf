import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import { bindLifecycle } from '../../../platform/db/status-move';
import { ORDER_LIFECYCLE, type OrderStatus } from '../domain/lifecycle';

export interface OrderAttrs {
  id: number;
  orderNo: string;
  userId: number;
  /** 'normal', or the marketing module that owns the order's hooks ('groupbuy') */
  kind: string;
  status: OrderStatus;
  itemsTotalFen: number;
  discountFen: number;
  shippingFen: number;
  payableFen: number;
  paidFen: number;
  addressJson: string;
  remark: string;
  payDeadline: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  carrier: string | null;
  trackingNo: string | null;
  shippedAt: Date | null;
  completedAt: Date | null;
  statusBeforeRefund: OrderStatus | null;
  createdAt: Date;
}
export interface OrderItemAttrs {
  id: number;
  orderId: number;
  productId: number;
  skuId: number;
  title: string;
  specsJson: string;
  image: string | null;
  unitPriceFen: number;
  quantity: number;
  lineTotalFen: number;
  /** the campaign that priced the line (JSON of a CampaignTag), null for list price */
  campaignJson: string | null;
}

type Nullable<A> = { [K in keyof A]: null extends A[K] ? K : never }[keyof A];
type M<A extends object, C extends keyof A> = ModelStatic<Model<A, Optional<A, C>>>;
export interface OrderModels {
  Order: M<OrderAttrs, 'id' | 'kind' | 'paidFen' | 'discountFen' | 'remark' | 'createdAt' | Nullable<OrderAttrs>>;
  OrderItem: M<OrderItemAttrs, 'id' | 'image' | 'campaignJson'>;
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
const int = DataTypes.INTEGER;
const date = DataTypes.DATE(3);

export function defineOrderModels(sequelize: Sequelize): OrderModels {
  const Order: OrderModels['Order'] = sequelize.define(
    'Order',
    {
      id,
      orderNo: DataTypes.STRING(32),
      userId: int,
      kind: { type: DataTypes.STRING(16), defaultValue: 'normal' },
      status: DataTypes.STRING(20),
      itemsTotalFen: int,
      discountFen: int,
      shippingFen: int,
      payableFen: int,
      paidFen: int,
      addressJson: DataTypes.TEXT,
      remark: DataTypes.STRING(200),
      payDeadline: date,
      paidAt: date,
      cancelledAt: date,
      cancelReason: DataTypes.STRING(64),
      carrier: DataTypes.STRING(32),
      trackingNo: DataTypes.STRING(64),
      shippedAt: date,
      completedAt: date,
      statusBeforeRefund: DataTypes.STRING(20),
      createdAt: date,
    },
    { tableName: 'orders' },
  );
  const OrderItem: OrderModels['OrderItem'] = sequelize.define(
    'OrderItem',
    {
      id,
      orderId: int,
      productId: int,
      skuId: int,
      title: DataTypes.STRING(120),
      specsJson: DataTypes.STRING(500),
      image: DataTypes.STRING(500),
      unitPriceFen: int,
      quantity: int,
      lineTotalFen: int,
      campaignJson: DataTypes.STRING(255),
    },
    { tableName: 'order_items', updatedAt: false },
  );
  Order.hasMany(OrderItem, { as: 'items', foreignKey: 'orderId' });
  bindLifecycle(Order, ORDER_LIFECYCLE);
  return { Order, OrderItem };
}

import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import { bindLifecycle } from '../../../platform/db/status-move';
import { AFTER_SALE_LIFECYCLE, type AfterSaleStatus, type AfterSaleType } from '../domain/rules';

export interface AfterSaleAttrs {
  id: number;
  orderId: number;
  userId: number;
  type: AfterSaleType;
  status: AfterSaleStatus;
  reason: string;
  amountFen: number;
  refundId: number | null;
  returnCarrier: string | null;
  returnTrackingNo: string | null;
  operatorNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface AfterSaleItemAttrs {
  id: number;
  afterSaleId: number;
  orderItemId: number;
  quantity: number;
  amountFen: number;
}

type Nullable<A> = { [K in keyof A]: null extends A[K] ? K : never }[keyof A];
type M<A extends object, C extends keyof A> = ModelStatic<Model<A, Optional<A, C>>>;
export interface AfterSaleModels {
  AfterSale: M<AfterSaleAttrs, 'id' | 'createdAt' | 'updatedAt' | Nullable<AfterSaleAttrs>>;
  AfterSaleItem: M<AfterSaleItemAttrs, 'id'>;
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };

export function defineAfterSaleModels(sequelize: Sequelize): AfterSaleModels {
  const AfterSale: AfterSaleModels['AfterSale'] = sequelize.define(
    'AfterSale',
    {
      id,
      orderId: DataTypes.INTEGER,
      userId: DataTypes.INTEGER,
      type: DataTypes.STRING(16),
      status: DataTypes.STRING(16),
      reason: DataTypes.STRING(200),
      amountFen: DataTypes.INTEGER,
      refundId: DataTypes.INTEGER,
      returnCarrier: DataTypes.STRING(32),
      returnTrackingNo: DataTypes.STRING(64),
      operatorNote: DataTypes.STRING(200),
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { tableName: 'after_sales' },
  );
  const AfterSaleItem: AfterSaleModels['AfterSaleItem'] = sequelize.define(
    'AfterSaleItem',
    {
      id,
      afterSaleId: DataTypes.INTEGER,
      orderItemId: DataTypes.INTEGER,
      quantity: DataTypes.INTEGER,
      amountFen: DataTypes.INTEGER,
    },
    { tableName: 'after_sale_items', updatedAt: false },
  );
  bindLifecycle(AfterSale, AFTER_SALE_LIFECYCLE);
  return { AfterSale, AfterSaleItem };
}

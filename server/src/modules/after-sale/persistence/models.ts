import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import { bindLifecycle } from '../../../platform/db/status-move';
import { AFTER_SALE_LIFECYCLE, type AfterSaleStatus, type AfterSaleType } from '../domain/rules';

export interface AfterSaleAttrs {
  id: number;
  orderId: number;
  /** the order's number, kept here so the operator's list shows and searches it */
  orderNo: string | null;
  userId: number;
  type: AfterSaleType;
  status: AfterSaleStatus;
  /** an AfterSaleReason code (older rows: free text) */
  reason: string;
  buyerNote: string | null;
  amountFen: number;
  refundId: number | null;
  returnCarrier: string | null;
  returnTrackingNo: string | null;
  operatorNote: string | null;
  /** the return address (JSON) copied from the setting when a return is approved */
  returnAddressJson: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface AfterSalePhotoAttrs {
  id: number;
  afterSaleId: number;
  url: string;
  createdAt: Date;
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
  AfterSalePhoto: M<AfterSalePhotoAttrs, 'id' | 'createdAt'>;
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };

export function defineAfterSaleModels(sequelize: Sequelize): AfterSaleModels {
  const AfterSale: AfterSaleModels['AfterSale'] = sequelize.define(
    'AfterSale',
    {
      id,
      orderId: DataTypes.INTEGER,
      orderNo: DataTypes.STRING(32),
      userId: DataTypes.INTEGER,
      type: DataTypes.STRING(16),
      status: DataTypes.STRING(16),
      reason: DataTypes.STRING(200),
      buyerNote: DataTypes.STRING(200),
      amountFen: DataTypes.INTEGER,
      refundId: DataTypes.INTEGER,
      returnCarrier: DataTypes.STRING(32),
      returnTrackingNo: DataTypes.STRING(64),
      operatorNote: DataTypes.STRING(200),
      returnAddressJson: DataTypes.TEXT,
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
  const AfterSalePhoto: AfterSaleModels['AfterSalePhoto'] = sequelize.define(
    'AfterSalePhoto',
    { id, afterSaleId: DataTypes.INTEGER, url: DataTypes.STRING(255), createdAt: DataTypes.DATE(3) },
    { tableName: 'after_sale_photos', updatedAt: false },
  );
  bindLifecycle(AfterSale, AFTER_SALE_LIFECYCLE);
  return { AfterSale, AfterSaleItem, AfterSalePhoto };
}

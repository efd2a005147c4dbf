import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export interface CartItemAttrs {
  id: number;
  userId: number;
  skuId: number;
  quantity: number;
  selected: boolean;
}
export type CartItemModel = ModelStatic<Model<CartItemAttrs, Optional<CartItemAttrs, 'id' | 'selected'>>>;

export function defineCartModel(sequelize: Sequelize): CartItemModel {
  return sequelize.define(
    'CartItem',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      userId: DataTypes.INTEGER,
      skuId: DataTypes.INTEGER,
      quantity: DataTypes.INTEGER,
      selected: { type: DataTypes.BOOLEAN, defaultValue: true },
    },
    { tableName: 'cart_items' },
  );
}

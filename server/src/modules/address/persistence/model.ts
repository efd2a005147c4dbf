import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export interface AddressAttrs {
  id: number;
  userId: number;
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault: boolean;
}
export type AddressModel = ModelStatic<Model<AddressAttrs, Optional<AddressAttrs, 'id' | 'isDefault'>>>;

export function defineAddressModel(sequelize: Sequelize): AddressModel {
  const s = DataTypes.STRING;
  return sequelize.define(
    'Address',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      userId: DataTypes.INTEGER,
      name: s(32),
      phone: s(20),
      province: s(32),
      city: s(32),
      district: s(32),
      detail: s(200),
      isDefault: DataTypes.BOOLEAN,
    },
    { tableName: 'addresses' },
  );
}

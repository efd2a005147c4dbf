import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export interface AuditAttrs {
  id: number;
  operatorId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  requestId: string | null;
  createdAt: Date;
}
export type AuditModel = ModelStatic<Model<AuditAttrs, Optional<AuditAttrs, 'id' | 'createdAt'>>>;

export function defineAuditModel(sequelize: Sequelize): AuditModel {
  return sequelize.define(
    'AuditLog',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      operatorId: DataTypes.INTEGER,
      action: DataTypes.STRING(64),
      entity: DataTypes.STRING(32),
      entityId: DataTypes.STRING(64),
      beforeJson: DataTypes.TEXT,
      afterJson: DataTypes.TEXT,
      requestId: DataTypes.STRING(64),
      createdAt: DataTypes.DATE(3),
    },
    { tableName: 'audit_logs', updatedAt: false },
  );
}

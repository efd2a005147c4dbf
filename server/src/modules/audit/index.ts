// The operators' audit log: every admin mutation records who, what, before and after — in the same transaction
// as the change, so a change never lands without its entry.
import type { Sequelize, Transaction } from 'sequelize';
import { defineAuditModel, type AuditModel } from './persistence/model';

export interface AuditEntry {
  operatorId: number | null;
  action: string;
  entity: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

export class AuditLog {
  readonly model: AuditModel;

  constructor(sequelize: Sequelize) {
    this.model = defineAuditModel(sequelize);
  }

  async record(entry: AuditEntry, transaction?: Transaction): Promise<void> {
    await this.model.create(
      {
        operatorId: entry.operatorId,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId === undefined ? null : String(entry.entityId),
        beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
        afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
        requestId: entry.requestId ?? null,
      },
      { transaction },
    );
  }
}

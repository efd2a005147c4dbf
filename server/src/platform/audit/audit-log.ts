// The operators' audit log: every operator mutation records who, what, before and after — in the same transaction
// as the change, so a change never lands without its entry. One helper for every module (`record`); the admin
// reads it at GET /api/admin/v1/audit-logs (modules/audit).
import type { Sequelize, Transaction } from 'sequelize';
import { defineAuditModel, type AuditModel } from './model';

/** Who acts: an operator from a route (`operatorOf(actor, ctx)`), or the system (jobs, null). */
export interface OperatorRef {
  operatorId: number | null;
  requestId?: string;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
}

export class AuditLog {
  readonly model: AuditModel;

  constructor(sequelize: Sequelize) {
    this.model = defineAuditModel(sequelize);
  }

  async record(t: Transaction, by: OperatorRef, entry: AuditEntry): Promise<void> {
    await this.model.create(
      {
        operatorId: by.operatorId,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId === undefined ? null : String(entry.entityId),
        beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
        afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
        requestId: by.requestId ?? null,
      },
      { transaction: t },
    );
  }
}

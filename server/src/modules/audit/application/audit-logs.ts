// Reading the operators' audit log (the writer is platform/audit: every module records through it).
import type { WhereOptions } from 'sequelize';
import type { z } from 'zod';
import type { AuditLogList, AuditLogQuery } from '../../../contracts/audit';
import { pageWindow } from '../../../kernel/paging';
import type { AuditModel } from '../../../platform/audit/model';

export interface AuditDeps {
  model: AuditModel;
  operatorNames(ids: number[]): Promise<Map<number, string>>;
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

export async function listAuditLogs(deps: AuditDeps, q: z.output<typeof AuditLogQuery>): Promise<AuditLogList> {
  const where: WhereOptions = {
    ...(q.entity ? { entity: q.entity } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.operatorId ? { operatorId: q.operatorId } : {}),
    ...(q.action ? { action: q.action } : {}),
  };
  const { rows, count } = await deps.model.findAndCountAll({ where, order: [['id', 'DESC']], ...pageWindow(q) });
  const entries = rows.map((r) => r.get({ plain: true }));
  const names = await deps.operatorNames([
    ...new Set(entries.flatMap((e) => (e.operatorId === null ? [] : [e.operatorId]))),
  ]);
  return {
    total: count,
    items: entries.map((e) => ({
      id: e.id,
      operatorId: e.operatorId,
      operatorName: e.operatorId === null ? null : (names.get(e.operatorId) ?? null),
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: parse(e.beforeJson),
      after: parse(e.afterJson),
      at: new Date(e.createdAt).toISOString(),
    })),
  };
}

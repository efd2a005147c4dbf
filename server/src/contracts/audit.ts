// The operators' audit log (api-contract.md, Audit): every operator mutation, who did it, before and after.
import { Id, IdString, Page } from './common';
import { z } from './zod';

export const AuditLogQuery = Page.extend({
  entity: z.string().trim().min(1).max(32).optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  operatorId: IdString.optional(),
  action: z.string().trim().min(1).max(64).optional(),
}).openapi('AuditLogQuery');

export const AuditLogEntry = z
  .object({
    id: Id,
    operatorId: Id.nullable(),
    operatorName: z.string().nullable().openapi({ description: 'the operator username, null for system actions' }),
    action: z.string().openapi({ example: 'groupbuy.group.close' }),
    entity: z.string().openapi({ example: 'groupbuy_group' }),
    entityId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AuditLogEntry');
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

export const AuditLogList = z
  .object({ items: z.array(AuditLogEntry), total: z.number().int() })
  .openapi('AuditLogList');
export type AuditLogList = z.infer<typeof AuditLogList>;

import { ACCESS } from '../../../http/access';
import { AuditLogList, AuditLogQuery } from '../../../contracts/audit';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { listAuditLogs, type AuditDeps } from '../application/audit-logs';

export function auditRoutes(deps: AuditDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/audit-logs',
      tags: ['admin'],
      access: ACCESS.auditRead,
      summary: '操作日志：每一次后台变更的操作人、动作、对象与前后值（可按对象、对象 ID、操作人、动作筛选）',
      query: AuditLogQuery,
      response: AuditLogList,
      handler: ({ query }) => listAuditLogs(deps, query),
    }),
  ];
}

// The operators' audit log, read-only: GET /api/admin/v1/audit-logs (contracts/audit.ts), paged on the server.
import type { AuditLogList } from '@contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

/** The list's filters and page, as AuditLogQuery takes them. */
export interface AuditLogParams {
  entity?: string;
  entityId?: string;
  operatorId?: number;
  action?: string;
  page: number;
  pageSize: number;
}

export const auditKeys = {
  all: ['audit-logs'] as const,
  list: (params: AuditLogParams) => [...auditKeys.all, 'list', params] as const,
};

export function useAuditLogs(params: AuditLogParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<AuditLogList>(
        '/api/admin/v1/audit-logs',
        {
          entity: params.entity,
          entityId: params.entityId,
          operatorId: params.operatorId,
          action: params.action,
          page: params.page,
          pageSize: params.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

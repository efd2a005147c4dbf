import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { AuditLogParams } from './api';

const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
}

/** Filters and page live in the URL, so a link such as ?entity=product&entityId=12 opens one thing's history. */
export function useAuditParams(): [AuditLogParams, (patch: Partial<AuditLogParams>) => void] {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<AuditLogParams>(() => {
    const pageSize = positiveInt(search.get('pageSize'));
    return {
      entity: search.get('entity')?.trim() || undefined,
      entityId: search.get('entityId')?.trim() || undefined,
      operatorId: positiveInt(search.get('operatorId')),
      action: search.get('action')?.trim() || undefined,
      page: positiveInt(search.get('page')) ?? 1,
      pageSize: pageSize && pageSize <= 100 ? pageSize : DEFAULT_PAGE_SIZE,
    };
  }, [search]);

  const update = useCallback(
    (patch: Partial<AuditLogParams>) => {
      const next = { ...params, ...patch };
      // a new filter starts again at page 1
      if (!('page' in patch)) next.page = 1;
      const out = new URLSearchParams();
      for (const key of ['entity', 'entityId', 'operatorId', 'action'] as const) {
        const v = next[key];
        if (v !== undefined && v !== '') out.set(key, String(v));
      }
      if (next.page > 1) out.set('page', String(next.page));
      if (next.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(next.pageSize));
      setSearch(out);
    },
    [params, setSearch],
  );

  return [params, update];
}

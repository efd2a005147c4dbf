// Seckill's data access, by the products pattern: one query-key factory, typed queries and mutations over the
// server's contracts (api-contract.md, Seckill).
import type { AdminSeckillItem, SeckillSession } from '@contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export interface SeckillItemBody {
  skuId: number;
  priceFen: number;
  stock: number;
  perUserLimit: number;
}
export interface Reconciliation {
  itemId: number;
  expectedRemaining: number;
  redisRemaining: number | null;
  queued: number;
  drift: number;
  repaired: boolean;
}

export const seckillKeys = {
  all: ['seckill'] as const,
  sessions: () => [...seckillKeys.all, 'sessions'] as const,
  items: (sessionId: number | null) => [...seckillKeys.all, 'items', sessionId] as const,
  reconciliation: (itemId: number | null) => [...seckillKeys.all, 'reconciliation', itemId] as const,
};

export function useSessions() {
  return useQuery({
    queryKey: seckillKeys.sessions(),
    queryFn: ({ signal }) =>
      api.get<{ items: SeckillSession[]; now: string }>('/api/admin/v1/seckill/sessions', undefined, signal),
    refetchInterval: 30_000, // statuses move on the hour
  });
}

/** A session's items; while it is open the figures are live, so they refresh every 2 s. */
export function useSessionItems(sessionId: number | null, live: boolean) {
  return useQuery({
    queryKey: seckillKeys.items(sessionId),
    enabled: sessionId !== null,
    queryFn: ({ signal }) =>
      api.get<{ items: AdminSeckillItem[] }>(`/api/admin/v1/seckill/sessions/${sessionId}/items`, undefined, signal),
    refetchInterval: live ? 2000 : false,
  });
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { startAt: string; endAt: string }) =>
      api.post<{ id: number }>('/api/admin/v1/seckill/sessions', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: seckillKeys.sessions() }),
  });
}

export function useAddItem(sessionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SeckillItemBody) =>
      api.post<{ id: number }>(`/api/admin/v1/seckill/sessions/${sessionId}/items`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: seckillKeys.items(sessionId) }),
  });
}

/** Redis against the database, always fetched fresh (it is the point of looking). */
export function useReconciliation(itemId: number | null) {
  return useQuery({
    queryKey: seckillKeys.reconciliation(itemId),
    enabled: itemId !== null,
    queryFn: ({ signal }) =>
      api.get<Reconciliation>(`/api/admin/v1/seckill/items/${itemId}/reconciliation`, undefined, signal),
    staleTime: 0,
    gcTime: 0,
  });
}

export function useRepair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: number) =>
      api.post<Reconciliation>(`/api/admin/v1/seckill/items/${itemId}/reconciliation/repair`, {}),
    onSuccess: (r) => {
      queryClient.setQueryData(seckillKeys.reconciliation(r.itemId), r);
      return queryClient.invalidateQueries({ queryKey: [...seckillKeys.all, 'items'] });
    },
  });
}

// The after-sales page's server state: the list (by status, by order number, paged on the server), one request's
// order, and the operator's decisions.
import type { AfterSale, AfterSaleList, Order } from '@contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export interface AfterSaleFilter {
  status?: string;
  orderNo?: string;
  page: number;
  pageSize: number;
}

export function useAfterSales(filter: AfterSaleFilter) {
  return useQuery({
    queryKey: ['after-sales', filter],
    queryFn: ({ signal }) => api.get<AfterSaleList>('/api/admin/v1/after-sales', { ...filter }, signal),
  });
}

export function useAfterSaleOrder(orderId: number | undefined) {
  return useQuery({
    queryKey: ['order', orderId],
    enabled: orderId !== undefined,
    queryFn: ({ signal }) => api.get<Order>(`/api/admin/v1/orders/${orderId}`, undefined, signal),
  });
}

export type Decision = 'approve' | 'receive' | 'reject';

export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: number; action: Decision; note?: string }) =>
      api.post<AfterSale>(`/api/admin/v1/after-sales/${id}/${action}`, action === 'reject' ? { note } : {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['after-sales'] }),
  });
}

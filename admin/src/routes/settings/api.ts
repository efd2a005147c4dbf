import type { OrderSettingsDoc } from '@contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export const orderSettingsKey = ['settings', 'order'] as const;

export function useOrderSettings() {
  return useQuery({
    queryKey: orderSettingsKey,
    queryFn: ({ signal }) => api.get<OrderSettingsDoc>('/api/admin/v1/settings/order', undefined, signal),
    staleTime: 0,
  });
}

export function useSaveOrderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderSettingsDoc) => api.put<OrderSettingsDoc>('/api/admin/v1/settings/order', body),
    onSuccess: (saved) => queryClient.setQueryData(orderSettingsKey, saved),
  });
}

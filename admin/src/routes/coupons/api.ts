// Coupons' data access, by the products pattern: one query-key factory, typed queries and mutations over the
// server's contracts (api-contract.md, Coupons and promotions). The list is paged on the server.
import type { AdminCoupon, CouponInput } from '@contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

/** What POST /api/admin/v1/coupons takes (the schema's input: defaults may be left out). */
export type CouponBody = z.input<typeof CouponInput>;

export const couponKeys = {
  all: ['coupons'] as const,
  list: (page: number, pageSize: number) => [...couponKeys.all, 'list', page, pageSize] as const,
};

export function useCoupons(page: number, pageSize: number) {
  return useQuery({
    queryKey: couponKeys.list(page, pageSize),
    queryFn: ({ signal }) =>
      api.get<{ items: AdminCoupon[]; total: number }>('/api/admin/v1/coupons', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateCoupon() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CouponBody) => api.post<{ id: number }>('/api/admin/v1/coupons', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: couponKeys.all }),
  });
}

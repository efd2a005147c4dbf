import type { AdminProductDetail, ShelfResponse, UpdateProductRequest } from '@contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import { productKeys } from './products';

export const productDetailKey = (id: number | null) => [...productKeys.all, 'detail', id] as const;

/** The editor's copy of a product: always fetched fresh (its stock figures become the edit's expectedStock). */
export function useAdminProduct(id: number | null) {
  return useQuery({
    queryKey: productDetailKey(id),
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<AdminProductDetail>(`/api/admin/v1/products/${id}`, undefined, signal),
    staleTime: 0,
    gcTime: 0,
  });
}

export function useUpdateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateProductRequest }) =>
      api.put<AdminProductDetail>(`/api/admin/v1/products/${id}`, body),
    onSuccess: (product) => {
      queryClient.setQueryData(productDetailKey(product.id), product);
      return queryClient.invalidateQueries({ queryKey: productKeys.lists() });
    },
  });
}

export function useSetShelf() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, onShelf }: { id: number; onShelf: boolean }) =>
      api.post<ShelfResponse>(`/api/admin/v1/products/${id}/shelf`, { onShelf }),
    // stays pending until the list shows the new state
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productKeys.lists() }),
  });
}

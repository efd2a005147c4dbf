import type { AdminProductList, CreateProductRequest, CreateProductResponse } from '@contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';

export interface ProductListParams {
  q?: string;
  categoryId?: number;
  onShelf?: boolean;
  page: number;
  pageSize: number;
}

export const productKeys = {
  all: ['products'] as const,
  lists: () => [...productKeys.all, 'list'] as const,
  list: (params: ProductListParams) => [...productKeys.lists(), params] as const,
};

export function useProducts(params: ProductListParams) {
  return useQuery({
    queryKey: productKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<AdminProductList>(
        '/api/admin/v1/products',
        {
          q: params.q,
          categoryId: params.categoryId,
          onShelf: params.onShelf,
          page: params.page,
          pageSize: params.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProductRequest) => api.post<CreateProductResponse>('/api/admin/v1/products', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productKeys.lists() }),
  });
}

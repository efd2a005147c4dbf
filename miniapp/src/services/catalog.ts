import type { CategoryList, ProductDetail, ProductList } from '@contracts';
import { get } from './request';

export interface ProductQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  categoryId?: number;
  sort?: ProductSortKey;
}

export type ProductSortKey = 'default' | 'price_asc' | 'price_desc' | 'sales';

export const listProducts = (query: ProductQuery = {}) => get<ProductList>('/api/v1/products', { ...query });
/** Silent: the detail page shows its own not-found / retry state. */
export const getProduct = (id: number) => get<ProductDetail>(`/api/v1/products/${id}`, undefined, { silent: true });
export const listCategories = () => get<CategoryList>('/api/v1/categories');

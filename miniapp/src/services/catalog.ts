import type { CategoryList, ProductDetail, ProductList } from '@contracts';
import { buildQuery, get } from './request';

export interface ProductQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  categoryId?: number;
  sort?: ProductSortKey;
}

export type ProductSortKey = 'default' | 'price_asc' | 'price_desc' | 'sales';

/** An answer asked for before the page that shows it was drawn; older than this, it is asked for again. */
const HEAD_START_MS = 30_000;
let headStart: { query: string; at: number; answer: Promise<ProductList | null> } | undefined;

const fetchProducts = (query: ProductQuery) => get<ProductList>('/api/v1/products', { ...query });

/**
 * A product list already asked for (H5: the home page's first page, by index.html while the app's scripts were
 * still downloading): the next `listProducts` with the same query takes it instead of asking again. `null` (the
 * early request failed) means: ask the usual way, which reports the failure.
 */
export function handOverProductList(query: ProductQuery, answer: Promise<ProductList | null>): void {
  headStart = { query: buildQuery({ ...query }), at: Date.now(), answer };
}

export function listProducts(query: ProductQuery = {}): Promise<ProductList> {
  const early = headStart;
  headStart = undefined;
  if (early && early.query === buildQuery({ ...query }) && Date.now() - early.at < HEAD_START_MS) {
    return early.answer.then((list) => list ?? fetchProducts(query));
  }
  return fetchProducts(query);
}

/** Silent: the detail page shows its own not-found / retry state. */
export const getProduct = (id: number) => get<ProductDetail>(`/api/v1/products/${id}`, undefined, { silent: true });
export const listCategories = () => get<CategoryList>('/api/v1/categories');

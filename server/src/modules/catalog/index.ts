// Catalog: categories, products (SPU) with their SKU matrix and images.
import type { RouteSpec } from '../../http/route';
import type { CatalogDeps } from './application/ports';
import { catalogAdminRoutes } from './http/admin-routes';
import { catalogRoutes } from './http/routes';

export { defineCatalogModels, type CatalogModels } from './persistence/models';
export { ProductDetailCache } from './application/detail-cache';
export { createProduct } from './application/create-product';
export {
  addSales,
  releaseStock,
  reserveStock,
  skuSnapshots,
  type SkuSnapshot,
  type StockLine,
} from './application/stock';
export type { CatalogDeps };

export function createCatalogModule(deps: CatalogDeps): { routes: RouteSpec[] } {
  return { routes: [...catalogRoutes(deps), ...catalogAdminRoutes(deps)] };
}

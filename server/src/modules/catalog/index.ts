// Catalog: categories, products (SPU) with their SKU matrix and images, stock reservations and sales counts.
import path from 'node:path';
import type { Transaction } from 'sequelize';
import { defineModule } from '../../kit/module';
import { LocalFileStorage } from '../../platform/storage/image-storage';
import { ProductDetailCache } from './application/detail-cache';
import { CatalogHotReads } from './application/hot-reads';
import { getProduct, listProducts } from './application/queries';
import type { CatalogDeps } from './application/ports';
import {
  addSales,
  productSkus,
  releaseStock,
  reserveStock,
  skuSnapshots,
  type SkuSnapshot,
  type StockLine,
} from './application/stock';
import { storeImage, type UploadedFile } from './application/upload-image';
import type { UploadedImage } from '../../contracts/catalog';
import { catalogAdminRoutes } from './http/admin-routes';
import { catalogRoutes } from './http/routes';
import { defineCatalogModels, type CatalogModels } from './persistence/models';

export { createProduct } from './application/create-product';
export { CatalogErrors } from './errors';
export { MAX_IMAGE_BYTES } from './domain/image-type';
export type { CatalogModels, SkuSnapshot, StockLine };

/** The catalog's public API: SKU facts for pricing and pages, and atomic stock moves in the caller's transaction. */
export interface CatalogApi {
  skuSnapshots(t: Transaction | undefined, skuIds: number[]): Promise<Map<number, SkuSnapshot>>;
  productSkus(productId: number): Promise<SkuSnapshot[]>;
  /** the product's category and that category's parent (what a category-scoped coupon matches); [] if none */
  productCategories(productId: number): Promise<number[]>;
  /** one conditional UPDATE per SKU; STOCK_INSUFFICIENT (409) when any line cannot be covered */
  reserveStock(t: Transaction, lines: StockLine[]): Promise<void>;
  releaseStock(t: Transaction, lines: StockLine[]): Promise<void>;
  addSales(t: Transaction, lines: { productId: number; quantity: number }[]): Promise<void>;
  /** checks an uploaded image by its bytes (IMAGE_MISSING, IMAGE_TOO_LARGE, IMAGE_TYPE_UNSUPPORTED) and stores it */
  storeImage(file: UploadedFile | undefined): Promise<UploadedImage>;
}

declare module '../../kit/module' {
  interface ModuleApis {
    catalog: CatalogApi;
  }
}

export const catalogModule = defineModule({
  name: 'catalog',
  models: defineCatalogModels,
  create({ rt }, models) {
    const detailCache = new ProductDetailCache(rt.redis, rt.logger);
    const hotReads = new CatalogHotReads(detailCache, rt.config.readCacheMs, {
      detail: (id) => getProduct(deps, id),
      list: (query) => listProducts(deps, query),
    });
    const deps: CatalogDeps = {
      ...rt, // the platform pieces the deps name (sequelize, db, clock, logger, outbox, audit…)
      models,
      detailCache,
      hotReads,
      images: new LocalFileStorage(path.join(rt.config.dataDir, 'uploads')),
    };
    const skuIds = (lines: StockLine[]) => ({ skuIds: lines.map((l) => l.skuId) });
    return {
      api: {
        skuSnapshots: (t, ids) => skuSnapshots(deps, t, ids),
        productSkus: (productId) => productSkus(deps, productId),
        productCategories: async (productId) => {
          const product = await models.Product.findByPk(productId, { attributes: ['categoryId'] });
          const categoryId = product?.getDataValue('categoryId');
          if (!categoryId) return [];
          const category = await models.Category.findByPk(categoryId, { attributes: ['parentId'] });
          const parentId = category?.getDataValue('parentId');
          return parentId ? [categoryId, parentId] : [categoryId];
        },
        reserveStock: async (t, lines) => {
          await reserveStock(deps, t, lines);
          hotReads.figuresMove(t, skuIds(lines));
        },
        releaseStock: async (t, lines) => {
          await releaseStock(deps, t, lines);
          hotReads.figuresMove(t, skuIds(lines));
        },
        addSales: async (t, lines) => {
          await addSales(deps, t, lines);
          hotReads.figuresMove(t, { productIds: lines.map((l) => l.productId) });
        },
        storeImage: (file) => storeImage(deps, file),
      },
      routes: [...catalogRoutes(deps), ...catalogAdminRoutes(deps)],
    };
  },
});

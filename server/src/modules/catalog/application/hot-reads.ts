// The catalog's hot public reads, served from this instance's memory for at most READ_CACHE_MS (≤ 1 s,
// platform/micro-cache.ts): a product page opened by thousands at once, and the product list's first pages.
// Behind it, the detail's static part still comes from Redis (detail-cache.ts) and its live figures from one
// query; here both are skipped on a hit, so a hit touches neither SQL nor Redis.
//
// This instance's writes show at once: product and category edits (after commit), and every stock or sales move
// (after its transaction commits: orders reserve, cancellations release, payments count sales).
import type { Transaction } from 'sequelize';
import type { ProductDetail, ProductList, ProductSort } from '../../../contracts/catalog';
import { MicroCache } from '../../../platform/micro-cache';
import type { ProductDetailCache } from './detail-cache';

/** A consumer listing as the route parsed it. */
export interface ListQuery {
  q?: string;
  categoryId?: number;
  sort?: ProductSort;
  page: number;
  pageSize: number;
}

/** Only the first pages of a listing are worth keeping: deeper pages are read by few. */
const CACHED_PAGES = 3;

export class CatalogHotReads {
  readonly detail: MicroCache<number, ProductDetail>;
  private readonly list: MicroCache<string, ProductList>;
  /** which product each SKU belongs to, learnt from the details loaded (a SKU never changes product) */
  private readonly productOfSku = new Map<number, number>();

  constructor(
    private readonly redisCache: ProductDetailCache,
    ttlMs: number,
    private readonly loaders: {
      detail: (id: number) => Promise<ProductDetail>;
      list: (q: ListQuery) => Promise<ProductList>;
    },
  ) {
    this.detail = new MicroCache({
      ttlMs,
      max: 5000,
      load: async (id) => {
        const detail = await loaders.detail(id);
        for (const s of detail.skus) this.productOfSku.set(s.id, id);
        return detail;
      },
    });
    this.list = new MicroCache({ ttlMs, max: 500, load: (key) => loaders.list(JSON.parse(key) as ListQuery) });
  }

  listProducts(q: ListQuery): Promise<ProductList> {
    if (q.page > CACHED_PAGES) return this.loaders.list(q);
    // the parsed query, keys in a fixed order, is the key: `?page=1` and `?page=1&pageSize=20` are one entry
    const normal: ListQuery = { q: q.q, categoryId: q.categoryId, sort: q.sort, page: q.page, pageSize: q.pageSize };
    const key = JSON.stringify(normal);
    return this.list.get(key);
  }

  /** After a product write committed (texts, images, SKUs, prices, shelf). */
  async productsChanged(ids: readonly number[]): Promise<void> {
    for (const id of ids) this.detail.invalidate(id);
    this.list.invalidateAll();
    await this.redisCache.invalidate(ids);
  }

  /** After a category write committed: every detail and listing. */
  async everythingChanged(): Promise<void> {
    this.detail.invalidateAll();
    this.list.invalidateAll();
    await this.redisCache.invalidateAll();
  }

  /** Stock or sales of these SKUs / products move in `t`: their pages show it once `t` commits. */
  figuresMove(t: Transaction, moved: { skuIds?: readonly number[]; productIds?: readonly number[] }): void {
    t.afterCommit(() => {
      for (const skuId of moved.skuIds ?? []) {
        const productId = this.productOfSku.get(skuId);
        if (productId !== undefined) this.detail.invalidate(productId);
      }
      for (const productId of moved.productIds ?? []) this.detail.invalidate(productId);
    });
  }
}

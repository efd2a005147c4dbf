// The product detail cache (Redis). Only the static part is cached — texts, images, SKU specs and images; stock,
// prices, sales and the shelf state are read live on every request (one indexed query), so a cached detail can
// never show a stale stock figure or a product taken off the shelf.
//
// Invalidation is by version, not by deleting keys: the data key embeds a per-product version and a catalog-wide
// generation (`catalog:product:<id>:<gen>:<ver>`). Every product write bumps its version after commit and every
// category write bumps the generation; a reader that loaded the old row before a write and stores it afterwards
// writes to a key nobody reads any more. Old keys expire by TTL.
import type { RedisClient } from '../../../platform/redis/redis';
import type { Logger } from '../../../platform/logger';

export interface CachedDetail {
  id: number;
  title: string;
  subtitle: string;
  description: string;
  categoryId: number | null;
  images: string[];
  skus: { id: number; specs: Record<string, string>; image: string | null }[];
}

const TTL_SEC = 600;
const GEN = 'catalog:gen';
const verKey = (id: number) => `catalog:product:${id}:ver`;

export interface CacheSlot {
  key: string;
}

export class ProductDetailCache {
  constructor(
    private readonly redis: RedisClient,
    private readonly logger: Logger,
  ) {}

  /** The cached detail, or a slot to fill (its key is fixed before the database is read). Redis failing is a miss. */
  async get(id: number): Promise<{ hit: CachedDetail } | { slot: CacheSlot | undefined }> {
    try {
      const [gen, ver] = await this.redis.mget(GEN, verKey(id));
      const key = `catalog:product:${id}:${gen ?? 0}:${ver ?? 0}`;
      const raw = await this.redis.get(key);
      if (raw) return { hit: JSON.parse(raw) as CachedDetail };
      return { slot: { key } };
    } catch (err) {
      this.logger.warn({ err, productId: id }, 'product cache read failed; reading the database');
      return { slot: undefined };
    }
  }

  async fill(slot: CacheSlot | undefined, detail: CachedDetail): Promise<void> {
    if (!slot) return;
    try {
      await this.redis.set(slot.key, JSON.stringify(detail), 'EX', TTL_SEC);
    } catch (err) {
      this.logger.warn({ err, productId: detail.id }, 'product cache write failed');
    }
  }

  /** After a product write has committed. */
  async invalidate(ids: readonly number[]): Promise<void> {
    await this.bump(ids.map(verKey));
  }

  /** After a category write has committed: every cached detail is dropped. */
  async invalidateAll(): Promise<void> {
    await this.bump([GEN]);
  }

  private async bump(keys: string[]): Promise<void> {
    try {
      const pipeline = this.redis.multi();
      for (const k of keys) pipeline.incr(k);
      await pipeline.exec();
    } catch (err) {
      // the live merge still shows current stock, prices and shelf state; texts refresh when the TTL ends
      this.logger.error({ err, keys }, 'product cache invalidation failed');
    }
  }
}

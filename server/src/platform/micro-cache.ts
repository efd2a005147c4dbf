// A per-instance read cache of at most a second, for hot public reads (api-contract.md: stock shown to clients may
// be up to 1 s old; reservations and attempts are always exact). A page that thousands open at once costs one
// load per key per TTL on each instance instead of one per request; a stampede on a cold key loads it once
// (lru-cache's `fetch` hands every concurrent caller the one pending load).
//
// This instance's own writes show at once: `invalidate(key)` moves the key to a new version, so a load that began
// before the write and ends after it fills an entry nobody asks for again. Other instances see a write within the
// TTL, which is the bound the contract allows.
import { LRUCache } from 'lru-cache';

export interface MicroCacheOptions<K, V> {
  /** how long an entry is served, at most 1000 ms; 0 turns the cache off (every read loads) */
  ttlMs: number;
  /** entries kept (least recently used go first) */
  max: number;
  /** loads a value; throwing (e.g. not found) caches nothing and every waiting caller gets the error */
  load: (key: K) => Promise<V>;
}

const MAX_TRACKED_VERSIONS = 100_000;

/** JSON text of the values micro-caches hold, made once per load rather than once per hit */
const serialized = new WeakMap<object, string>();

/** The JSON text of `value` if a micro-cache loaded it (the HTTP layer sends it as is); else undefined. */
export function cachedJson(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? serialized.get(value) : undefined;
}

export class MicroCache<K extends string | number, V extends object> {
  private readonly entries: LRUCache<string, V, K> | undefined;
  private readonly versions = new Map<K, number>();
  private generation = 0;

  constructor(private readonly opts: MicroCacheOptions<K, V>) {
    if (opts.ttlMs > 1000) throw new Error(`a micro-cache keeps entries at most 1000 ms, not ${opts.ttlMs}`);
    if (opts.ttlMs <= 0) return;
    this.entries = new LRUCache<string, V, K>({
      max: opts.max,
      ttl: opts.ttlMs,
      fetchMethod: async (_slot, _stale, { context }) => {
        const value = await opts.load(context);
        serialized.set(value, JSON.stringify(value)); // a cached value is shared, never changed
        return value;
      },
    });
  }

  async get(key: K): Promise<V> {
    if (!this.entries) return this.opts.load(key);
    // (`as never`: with K generic, lru-cache's conditional type for the options cannot resolve)
    const value = await this.entries.fetch(this.slot(key), { context: key } as never);
    return value as V; // `load` resolves to a value or throws, so a fetch never ends without one
  }

  /** After a write this instance committed: the next read of `key` loads afresh. */
  invalidate(key: K): void {
    if (!this.entries) return;
    if (this.versions.size >= MAX_TRACKED_VERSIONS) {
      this.versions.clear();
      this.generation++; // forgetting versions could revive an old slot: move every key on instead
    }
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
  }

  invalidateAll(): void {
    if (!this.entries) return;
    this.versions.clear();
    this.generation++;
  }

  private slot(key: K): string {
    return `${this.generation}:${this.versions.get(key) ?? 0}:${key}`;
  }
}

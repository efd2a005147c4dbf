// One lock serialises everything that reads the database's view of an item and writes Redis from it (warm,
// repair, settle) with the order writer, which moves attempts from the log into the database: while it is held,
// log + database is a fixed total, so a counter computed from them is exact.
import { acquire, tryAcquire, withLease } from '../../../platform/redis/lock';
import { SeckillErrors } from '../errors';
import type { SeckillDeps } from './ports';

const KEY = 'seckill:writer';
const TTL_MS = 10_000;

/** Waits for the lock (up to `waitMs`) and runs `fn` holding it; SECKILL_BUSY (503) when it never came. */
export async function underWriterLock<T>(deps: Pick<SeckillDeps, 'redis'>, fn: () => Promise<T>, waitMs = 8000) {
  const lease = await acquire(deps.redis, KEY, TTL_MS, waitMs);
  if (!lease) throw SeckillErrors.SECKILL_BUSY();
  return withLease(lease, TTL_MS, fn);
}

/** Runs `fn` holding the lock if it is free now; undefined when another holder has it. */
export async function ifWriterLockFree<T>(deps: Pick<SeckillDeps, 'redis'>, fn: () => Promise<T>) {
  const lease = await tryAcquire(deps.redis, KEY, TTL_MS);
  if (!lease) return undefined;
  return withLease(lease, TTL_MS, fn);
}

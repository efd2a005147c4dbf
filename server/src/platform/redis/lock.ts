// A Redis lease lock: SET NX PX with a random token; released and extended only by its holder (Lua
// compare-and-act, so a lock that expired and was taken by someone else is never touched).
import { randomToken } from '../../kernel/ids';
import type { RedisClient } from './redis';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

interface LockCommands {
  linliLockRelease(key: string, token: string): Promise<number>;
  linliLockExtend(key: string, token: string, ttlMs: number): Promise<number>;
}

function commands(redis: RedisClient): LockCommands {
  const r = redis as RedisClient & Partial<LockCommands>;
  if (!r.linliLockRelease) {
    redis.defineCommand('linliLockRelease', { numberOfKeys: 1, lua: RELEASE });
    redis.defineCommand('linliLockExtend', { numberOfKeys: 1, lua: EXTEND });
  }
  return r as RedisClient & LockCommands;
}

export interface Lease {
  key: string;
  token: string;
  release(): Promise<boolean>;
  extend(ttlMs: number): Promise<boolean>;
}

export async function tryAcquire(redis: RedisClient, key: string, ttlMs: number): Promise<Lease | null> {
  const token = randomToken(12);
  const ok = await redis.set(key, token, 'PX', ttlMs, 'NX');
  if (ok !== 'OK') return null;
  const cmd = commands(redis);
  return {
    key,
    token,
    release: async () => Number(await cmd.linliLockRelease(key, token)) === 1,
    extend: async (ms) => Number(await cmd.linliLockExtend(key, token, ms)) === 1,
  };
}

/** Waits (polling) until the lock is free, up to `waitMs`; null when it never was. */
export async function acquire(redis: RedisClient, key: string, ttlMs: number, waitMs: number): Promise<Lease | null> {
  const deadline = Date.now() + waitMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    const lease = await tryAcquire(redis, key, ttlMs);
    if (lease || Date.now() >= deadline) return lease;
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** Runs `fn` holding the lease, renewing it while `fn` runs, and releases it afterwards. */
export async function withLease<T>(lease: Lease, ttlMs: number, fn: () => Promise<T>): Promise<T> {
  const renew = setInterval(() => void lease.extend(ttlMs).catch(() => undefined), Math.max(50, ttlMs / 3));
  try {
    return await fn();
  } finally {
    clearInterval(renew);
    await lease.release().catch(() => undefined);
  }
}

// ioredis on REDIS_URL, or ioredis-mock in-process when unset: the same client API and the same Lua scripts
// (registered with defineCommand), so the code path is one. Every key carries the deployment's prefix.
import Redis from 'ioredis';
import RedisMock from 'ioredis-mock';

export type RedisClient = Redis;

export interface RedisOptions {
  redisUrl?: string;
  prefix: string;
}

export function createRedis({ redisUrl, prefix }: RedisOptions): RedisClient {
  if (redisUrl) {
    return new Redis(redisUrl, {
      keyPrefix: prefix,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      lazyConnect: false,
    });
  }
  return new RedisMock({ keyPrefix: prefix }) as unknown as RedisClient;
}

/** A second connection (blocking commands, pub/sub) with the same settings. */
export function duplicateRedis(redis: RedisClient): RedisClient {
  return redis.duplicate();
}

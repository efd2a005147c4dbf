// Seckill's figures (issue 23, "Speed"): attempts while stock lasts and after sell-out, each against the product's
// own /healthz measured in the same run (bare Koa shown for reference), with the Redis commands each request
// cost; then the order writer draining the backlog those attempts left, against its own SQL replayed by bare
// mysql2 at the writer's concurrency (one attempt at a time).
//
// While the attempts run, the bench holds the writer's Redis lease (`seckill:writer`), so the writer leaves the
// log alone: the attempt figures are the Lua path's, and the backlog is there to drain afterwards.
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { itemKeys } from '../../src/modules/seckill/application/counters';
import type { Fixtures } from './fixtures';
import type { Scenario } from './scenarios';
import { REDIS_PREFIX, REDIS_URL } from './settings';

const WRITER_LOCK = `${REDIS_PREFIX}seckill:writer`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type SeckillScenarioName = 'seckill-attempt' | 'seckill-sold-out';

export function seckillScenarios(f: Fixtures): (Scenario & { name: SeckillScenarioName })[] {
  const attempt = (itemId: number) => ({
    kind: 'post' as const,
    path: `/api/v1/seckill/items/${itemId}/attempts`,
    bodies: [{ quantity: 1 }],
    withAddress: true,
    idempotencyKey: true,
    buyers: f.buyers,
  });
  return [
    {
      name: 'seckill-attempt',
      title: 'POST /api/v1/seckill/items/{id}/attempts',
      expectStatus: 202,
      plan: attempt(f.seckill.itemId),
      baseline: 'healthz',
      goal: 0.7,
      p99Goal: 3,
    },
    {
      name: 'seckill-sold-out',
      title: 'POST …/attempts (sold out)',
      expectStatus: 409,
      plan: attempt(f.seckill.soldOutItemId),
      baseline: 'healthz',
      goal: 0.9,
    },
  ];
}

/** A client of the bench's own (no key prefix): the counters it reads are the server's keys, prefix included. */
export function benchRedis(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
}

/**
 * Redis round trips per request, counted with MONITOR while `count` requests go one after another (so nothing
 * else is in flight): every command a client sent, the commands a Lua script ran inside Redis left out, and the
 * order writer's lease polls (SET NX on `seckill:writer`, twice a second, no part of a request) left out too.
 * A MULTI…EXEC would count one per command: none of these paths sends one.
 */
export async function redisCallsPerRequest(send: (n: number) => Promise<void>, count = 200): Promise<number> {
  const redis = benchRedis();
  const monitor = await redis.monitor();
  let calls = 0;
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source === 'lua') return;
    if (String(args[0]).toLowerCase() === 'set' && args[1] === WRITER_LOCK) return;
    calls++;
  });
  try {
    for (let n = 0; n < count; n++) await send(n);
    await sleep(100); // the last commands' MONITOR lines
    return calls / count;
  } finally {
    monitor.disconnect();
    redis.disconnect();
  }
}

/** Takes the order writer's lease (waiting while the writer holds it); the returned function gives it back. */
export async function holdWriter(redis: Redis): Promise<() => Promise<void>> {
  const token = randomBytes(8).toString('hex');
  for (let waited = 0; ; waited += 50) {
    if ((await redis.set(WRITER_LOCK, token, 'PX', 600_000, 'NX')) === 'OK') break;
    if (waited > 120_000) throw new Error('the order writer kept its lease for 2 minutes');
    await sleep(50);
  }
  return async () => {
    if ((await redis.get(WRITER_LOCK)) === token) await redis.del(WRITER_LOCK);
  };
}

export const logLength = (redis: Redis, f: Fixtures) =>
  redis.llen(`${REDIS_PREFIX}${itemKeys(f.seckill.sessionId, f.seckill.itemId).log}`);

/**
 * Lets the writer go and measures it draining the log: from the first attempt it writes, for `seconds` or until
 * the log is empty. Attempts written per second, how many were queued when it started, and the statements the
 * server sent per attempt written (`statements` read at the same two moments as the log's length).
 */
export async function measureDrain(
  redis: Redis,
  f: Fixtures,
  release: () => Promise<void>,
  seconds: number,
  statements: () => Promise<number>,
): Promise<{ okPerSec: number; backlog: number; written: number; elapsedMs: number; queriesPerAttempt: number }> {
  const backlog = await logLength(redis, f);
  if (backlog === 0) throw new Error('no backlog to drain: the attempt scenario queued nothing');
  await release();
  let first = backlog;
  const waitedFrom = performance.now();
  while (first === backlog) {
    if (performance.now() - waitedFrom > 10_000) throw new Error('the order writer did not start within 10 s');
    await sleep(20);
    first = await logLength(redis, f);
  }
  const t0 = performance.now();
  const [s0, l0] = [await statements(), await logLength(redis, f)];
  let left = l0;
  while (left > 0 && performance.now() - t0 < seconds * 1000) {
    await sleep(100);
    left = await logLength(redis, f);
  }
  const s1 = await statements();
  const elapsedMs = performance.now() - t0;
  const written = first - left;
  const queriesPerAttempt = (s1 - s0) / Math.max(1, l0 - left);
  return { okPerSec: written / (elapsedMs / 1000), backlog, written, elapsedMs, queriesPerAttempt };
}

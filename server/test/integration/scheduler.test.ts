// Two schedulers on one Redis stand for two server instances: every tick of a job runs exactly once.
import Redis from 'ioredis';
import { BusinessClock } from '../../src/kernel/clock';
import { randomToken } from '../../src/kernel/ids';
import { Scheduler, type JobDefinition } from '../../src/platform/jobs/scheduler';
import { createLogger } from '../../src/platform/logger';
import { TEST_REDIS_URL } from '../support/services';

const prefix = `t:sched:${randomToken(4)}:`;
const redisA = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
const redisB = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
const logger = createLogger('silent');
const clock = new BusinessClock();

afterAll(async () => {
  // keys() answers with the prefix included; a client without keyPrefix deletes them as named
  const keys = await redisA.keys(`${prefix}*`);
  const plain = new Redis(TEST_REDIS_URL);
  if (keys.length) await plain.del(...keys);
  plain.disconnect();
  redisA.disconnect();
  redisB.disconnect();
});

function countingJob(name: string, schedule: string, runs: number[], workMs = 0): JobDefinition {
  return {
    name,
    schedule,
    run: async ({ now }) => {
      runs.push(now.getTime());
      if (workMs) await new Promise((r) => setTimeout(r, workMs));
      return { runs: runs.length };
    },
  };
}

it('a tick fired on both instances at once runs once', async () => {
  const runs: number[] = [];
  const a = new Scheduler({ redis: redisA, clock, logger }).register(countingJob('tick-once', '* * * * *', runs));
  const b = new Scheduler({ redis: redisB, clock, logger }).register(countingJob('tick-once', '* * * * *', runs));
  const at = new Date('2026-11-22T08:00:00Z');
  const outcomes = await Promise.all([
    a.tick('tick-once', at),
    b.tick('tick-once', at),
    a.tick('tick-once', at),
    b.tick('tick-once', at),
  ]);
  expect(runs).toHaveLength(1);
  expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
  // the next tick runs again
  await b.tick('tick-once', new Date(at.getTime() + 60_000));
  expect(runs).toHaveLength(2);
});

it('two real node-cron schedulers firing every second run each second once', async () => {
  const runs: number[] = [];
  const a = new Scheduler({ redis: redisA, clock, logger }).register(countingJob('every-second', '* * * * * *', runs));
  const b = new Scheduler({ redis: redisB, clock, logger }).register(countingJob('every-second', '* * * * * *', runs));
  a.start();
  b.start();
  await new Promise((r) => setTimeout(r, 4200));
  await Promise.all([a.stop(), b.stop()]);
  const seconds = runs.map((ms) => Math.floor(ms / 1000));
  expect(runs.length).toBeGreaterThanOrEqual(3);
  expect(new Set(seconds).size).toBe(runs.length); // never twice in one second
});

it('a tick finding the previous run still busy skips; runNow waits for it instead', async () => {
  const runs: number[] = [];
  const a = new Scheduler({ redis: redisA, clock, logger }).register(countingJob('slow', '* * * * *', runs, 400));
  const b = new Scheduler({ redis: redisB, clock, logger }).register(countingJob('slow', '* * * * *', runs, 400));
  const first = a.tick('slow', new Date('2026-11-22T09:00:00Z'));
  await new Promise((r) => setTimeout(r, 50));
  const overlapping = await b.tick('slow', new Date('2026-11-22T09:01:00Z'));
  expect(overlapping).toEqual({ ran: false, reason: 'busy' });
  const waited = await b.runNow('slow');
  await first;
  expect(runs).toHaveLength(2);
  expect(waited).toEqual({ runs: 2 });
});

it('jobs read the business clock', async () => {
  const seen: number[] = [];
  const c = new BusinessClock();
  c.advance(86_400_000);
  const s = new Scheduler({ redis: redisA, clock: c, logger }).register(countingJob('clocked', '* * * * *', seen));
  await s.runNow('clocked');
  expect(seen[0]! - Date.now()).toBeGreaterThan(86_000_000);
});

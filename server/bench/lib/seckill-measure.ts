// The seckill part of the measured run (lib/seckill.ts says what and why): the two attempt scenarios against the
// read row of /healthz, their Redis round trips, then the writer's SQL replayed by one bare mysql2 worker while
// the bench still holds the writer's lease, and last the writer draining the backlog the attempts left.
import { runLoad, runReplay } from './children';
import type { BenchContext } from './lifecycle';
import { call } from './http';
import type { LoadSpec } from './load-spec';
import type { BaselineRow, ScenarioRow } from './measure';
import type { Scenario } from './scenarios';
import { benchRedis, holdWriter, measureDrain, redisCallsPerRequest, seckillScenarios } from './seckill';
import { DB, loadShape, MYSQL } from './settings';
import type { ReplayData } from '../replay/types';

export const SECKILL_NAMES = ['seckill-attempt', 'seckill-sold-out', 'seckill-writer'];

interface Measured {
  rows: ScenarioRow[];
  baselines: BaselineRow[];
}

export async function measureSeckill(
  ctx: BenchContext,
  opts: {
    wanted: (name: string) => boolean;
    spec: (s: Scenario) => LoadSpec;
    row: (s: Scenario, r: Awaited<ReturnType<typeof runLoad>>, base: BaselineRow) => ScenarioRow;
    health: ScenarioRow | undefined;
    koa: BaselineRow | undefined;
    replayData: Omit<ReplayData, 'seckill'>;
  },
): Promise<Measured> {
  const { fixtures: f, server, logDir } = ctx;
  const scenarios = seckillScenarios(f).filter((s) => opts.wanted(s.name));
  const drain = opts.wanted('seckill-writer');
  if (!scenarios.length && !drain) return { rows: [], baselines: [] };
  if (!opts.health) throw new Error('the seckill scenarios are measured against /healthz: run health too');
  if (drain && !opts.wanted('seckill-attempt')) throw new Error('seckill-writer drains what seckill-attempt queued');
  const healthz: BaselineRow = {
    name: 'healthz',
    title: "the product's own GET /healthz (its row above)",
    okPerSec: opts.health.okPerSec,
    p50: opts.health.p50,
    p99: opts.health.p99,
    errors: 0,
  };
  const out: Measured = { rows: [], baselines: [healthz] };
  const redis = benchRedis();
  const release = await holdWriter(redis);
  try {
    for (const s of scenarios) {
      console.log(`[bench] ${s.title}`);
      const load = await runLoad(opts.spec(s), logDir);
      const m = opts.row(s, load, healthz);
      if (opts.koa) m.koaRatio = load.okPerSec / opts.koa.okPerSec;
      const plan = s.plan as Extract<Scenario['plan'], { kind: 'post' }>;
      m.redisPerRequest = await redisCallsPerRequest(async (n) => {
        const b = f.buyers[(n * 7919) % f.buyers.length]!;
        await call(server.baseUrl, 'POST', plan.path, {
          token: b.token,
          body: { ...plan.bodies[0], addressId: b.addressId },
          idempotencyKey: `redis-count-${s.name}-${n}`,
        });
      });
      out.rows.push(m);
    }
    if (!drain) return out;
    const shape = loadShape();
    console.log('[bench] seckill order writer: its SQL replayed by one mysql2 worker');
    const r = await runReplay(
      {
        replay: 'seckill-writer',
        mysqlUrl: `mysql://${DB.user}:${DB.password}@${MYSQL.host}:${MYSQL.port}/${DB.name}`,
        workers: 1, // the writer writes one attempt at a time
        seconds: shape.seconds,
        warmupSeconds: shape.warmupSeconds,
        data: { ...opts.replayData, seckill: f.seckill },
      },
      logDir,
    );
    const base: BaselineRow = {
      name: 'seckill-writer',
      title: 'seckill-writer SQL replayed by mysql2 (1 worker)',
      ...r,
    };
    out.baselines.push(base);
    console.log('[bench] seckill order writer: draining the backlog');
    const d = await measureDrain(redis, f, release, shape.seconds, () => ctx.counter.read());
    const ratio = base.okPerSec ? d.okPerSec / base.okPerSec : 0;
    out.rows.push({
      name: 'seckill-writer',
      title: `seckill order writer (backlog ${d.backlog})`,
      okPerSec: d.okPerSec,
      p50: 0,
      p99: 0,
      errors: 0,
      failures: {},
      queriesPerRequest: d.queriesPerAttempt,
      baseline: 'seckill-writer',
      ratio,
      goal: 0.5,
      met: ratio >= 0.5,
    });
    return out;
  } finally {
    await release();
    redis.disconnect();
  }
}

// The measured run: the Koa baseline, the reads, then each write followed by its SQL replay. Statements the
// server sends are counted around each write scenario and divided by the requests sent.
import os from 'node:os';
import type { BenchContext } from './lifecycle';
import { runLoad, runReplay, startKoa } from './children';
import { openPendingGroups } from './fixtures';
import type { LoadResult } from './load-spec';
import { measureSeckill } from './seckill-measure';
import { asScenario, readScenarios, writeScenarios, type BaselineName, type Scenario } from './scenarios';
import { DB, loadShape, MYSQL, PORTS } from './settings';
import type { ReplayResult } from '../baselines/sql-replay';
import type { ReplayData } from '../replay/types';

export interface BaselineRow {
  name: BaselineName;
  title: string;
  okPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  firstError?: string;
  /** replays: statements per request, counted as the replay sent them */
  statements?: number;
}

export interface ScenarioRow {
  name: string;
  title: string;
  okPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  failures: Record<string, number>;
  /** writes: statements the server sent per request (null for reads) */
  queriesPerRequest: number | null;
  baseline: BaselineName;
  ratio: number;
  goal?: number;
  p99Goal?: number;
  /** the goal (and the p99 goal) held */
  met?: boolean;
  /** group open: its ratio to its own replay (its goal is set against the order SQL) */
  ownReplayRatio?: number;
  /** seckill attempts: the ratio to bare Koa, for reference (the goal is against /healthz) */
  koaRatio?: number;
  /** seckill attempts: Redis round trips per request (MONITOR, requests one at a time) */
  redisPerRequest?: number;
}

export interface Report {
  date: string;
  server: string;
  connections: number;
  seconds: number;
  buyers: number;
  cpus: number;
  statementCounter: 'account' | 'global';
  /** 1-minute load average before and after: anything else running on the machine shows here */
  loadAverage: { before: number; after: number };
  rows: ScenarioRow[];
  baselines: BaselineRow[];
}

const failureCount = (r: LoadResult) => Object.values(r.failures).reduce((n, c) => n + c, 0);
const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

function row(s: Scenario, r: LoadResult, base: BaselineRow, queriesPerRequest: number | null): ScenarioRow {
  const ratio = base.okPerSec ? r.okPerSec / base.okPerSec : 0;
  const met =
    s.goal === undefined ? undefined : ratio >= s.goal && (s.p99Goal === undefined || r.p99 <= s.p99Goal * base.p99);
  return {
    name: s.name,
    title: s.title,
    okPerSec: r.okPerSec,
    p50: r.p50,
    p99: r.p99,
    errors: failureCount(r),
    failures: r.failures,
    queriesPerRequest,
    baseline: s.baseline,
    ratio,
    goal: s.goal,
    p99Goal: s.p99Goal,
    met,
  };
}

export async function measureAll(ctx: BenchContext, opts: { only?: string[] }): Promise<Report> {
  const shape = loadShape();
  const loadBefore = os.loadavg()[0]!;
  const wanted = (name: string) => !opts.only || opts.only.includes(name);
  if (wanted('group-join') && !wanted('group-open'))
    throw new Error('group-join joins the groups group-open opened: run both');
  const { fixtures: f, server, logDir } = ctx;
  const spec = (s: Scenario, baseUrl = server.baseUrl) => ({
    name: s.name,
    baseUrl,
    ...shape,
    expectStatus: s.expectStatus,
    plan: s.plan,
  });
  const baselines = new Map<BaselineName, BaselineRow>();
  const rows: ScenarioRow[] = [];

  const reads = readScenarios(f).filter((s) => wanted(s.name));
  if (reads.length) {
    // Koa is measured before and after the reads and the better run is the baseline: a moment of other work on
    // the machine during one Koa run would otherwise flatter every read's ratio (seen: 24k once, 45–67k usually)
    const koa = await startKoa(PORTS.koa, logDir);
    const measured: ScenarioRow[] = [];
    const koaRuns: Awaited<ReturnType<typeof runLoad>>[] = [];
    try {
      const koaRun = () => runLoad(spec(readScenarios(f)[0]!, `http://127.0.0.1:${PORTS.koa}`), logDir);
      koaRuns.push(await koaRun());
      await fetch(`${server.baseUrl}/api/v1/products/${f.wide[0]!.productId}`); // the detail is measured as a hit
      const results = [];
      for (const s of reads) {
        console.log(`[bench] ${s.title}`);
        results.push({ s, r: await runLoad(spec(s), logDir) });
      }
      koaRuns.push(await koaRun());
      const best = koaRuns.reduce((a, b) => (b.okPerSec > a.okPerSec ? b : a));
      const others = koaRuns.filter((r) => r !== best).map((r) => Math.round(r.okPerSec));
      baselines.set('koa', {
        name: 'koa',
        title: `bare Koa hello world (best of ${koaRuns.length}; other ${others.join(', ')} req/s)`,
        ...best,
        errors: koaRuns.reduce((n, r) => n + failureCount(r), 0),
      });
      for (const { s, r } of results) measured.push(row(s, r, baselines.get('koa')!, null));
    } finally {
      await koa.stop();
    }
    rows.push(...measured);
  }

  const replayData: Omit<ReplayData, 'seckill'> = {
    buyers: f.buyers,
    wide: f.wide,
    hot: f.hot,
    group: f.group,
    groups: [],
  };
  const replay = async (name: BaselineName, data: Omit<ReplayData, 'seckill'>): Promise<BaselineRow> => {
    const known = baselines.get(name);
    if (known) return known;
    const r: ReplayResult = await runReplay(
      {
        replay: name,
        mysqlUrl: `mysql://${DB.user}:${DB.password}@${MYSQL.host}:${MYSQL.port}/${DB.name}`,
        workers: shape.connections,
        seconds: shape.seconds,
        warmupSeconds: shape.warmupSeconds,
        data: { ...data, seckill: f.seckill },
      },
      logDir,
    );
    const b: BaselineRow = { name, title: `${name} SQL replayed by mysql2`, ...r };
    baselines.set(name, b);
    return b;
  };

  const half = Math.floor(f.buyers.length / 2);
  for (const name of ['order-20-skus', 'order-hot-sku', 'group-open', 'group-join'] as const) {
    if (!wanted(name)) continue;
    let data = replayData;
    let groups: { code: string; leader: number }[] = [];
    if (name === 'group-join') {
      // what the leaders' payments would do; the server joins the even groups, the replay the odd ones
      const open = await openPendingGroups(ctx.db, f.group.campaignId);
      groups = open.filter((_, i) => i % 2 === 0);
      const replayGroups = open.filter((_, i) => i % 2 === 1);
      // the replay's rotation revisits a (buyer, group) pair only after as many rounds as there are groups
      while (replayGroups.length > 1 && gcd(f.buyers.length - half + 1, replayGroups.length) !== 1) replayGroups.pop();
      data = { ...replayData, buyers: f.buyers.slice(half), groups: replayGroups };
    } else if (name === 'group-open') {
      data = { ...replayData, buyers: f.buyers.slice(0, half) };
    }
    const s = asScenario(writeScenarios(f, groups).find((x) => x.name === name)!);
    console.log(`[bench] ${s.title}`);
    const before = await ctx.counter.read();
    const load = await runLoad(spec(s), logDir);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the outbox drains what the requests wrote
    const queriesPerRequest = ((await ctx.counter.read()) - before) / load.sentTotal;
    console.log(`[bench] ${name}: its SQL replayed`);
    const own = await replay(name, data);
    const base = s.baseline === name ? own : await replay(s.baseline, replayData);
    const measured = row(s, load, base, queriesPerRequest);
    if (s.baseline !== name) measured.ownReplayRatio = own.okPerSec ? load.okPerSec / own.okPerSec : 0;
    rows.push(measured);
  }

  // last: the order writer drains its backlog in the background until it is done or the server stops
  const seckill = await measureSeckill(ctx, {
    wanted,
    spec: (s) => spec(s),
    row: (s, r, base) => row(s, r, base, null),
    health: rows.find((r) => r.name === 'health'),
    koa: baselines.get('koa'),
    replayData,
  });
  rows.push(...seckill.rows);
  for (const b of seckill.baselines) baselines.set(b.name, b);

  return {
    date: new Date().toISOString(),
    server: server.label,
    connections: shape.connections,
    seconds: shape.seconds,
    buyers: f.buyers.length,
    cpus: os.availableParallelism(),
    statementCounter: ctx.counter.scope,
    loadAverage: { before: loadBefore, after: os.loadavg()[0]! },
    rows,
    baselines: [...baselines.values()],
  };
}

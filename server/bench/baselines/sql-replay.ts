// The write baseline, run as its own process (`tsx bench/baselines/sql-replay.ts <spec.json>`): one replay script
// (bench/replay/) run by 50 concurrent workers over a pool of 50 bare mysql2 connections, a warm-up then the
// measured run, each request's statements inside BEGIN/COMMIT as the server sends them. Prints one JSON line.
import fs from 'node:fs';
import mysql from 'mysql2/promise';
import { REPLAYS } from '../replay';
import type { ReplayData } from '../replay/types';

export interface ReplaySpec {
  replay: string;
  mysqlUrl: string;
  workers: number;
  seconds: number;
  warmupSeconds: number;
  data: ReplayData;
}

export interface ReplayResult {
  okPerSec: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
  firstError?: string;
  /** statements per successful request, counted as they were sent */
  statements: number;
}

/** The connection with its statements counted (the replay's own queries-per-request figure). */
function counted(conn: mysql.PoolConnection, count: () => void): mysql.PoolConnection {
  return new Proxy(conn, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if ((prop === 'query' || prop === 'execute') && typeof value === 'function') {
        return (...args: unknown[]) => {
          count();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const spec = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as ReplaySpec;
  const replay = REPLAYS[spec.replay];
  if (!replay) throw new Error(`no replay named ${spec.replay}`);
  const pool = mysql.createPool({
    uri: spec.mysqlUrl,
    connectionLimit: spec.workers,
    timezone: '+00:00',
    charset: 'utf8mb4',
    supportBigNumbers: true,
  });
  let n = 0;
  const phase = async (seconds: number) => {
    const latencies: number[] = [];
    let statements = 0;
    let errors = 0;
    let firstError: string | undefined;
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: spec.workers }, async () => {
        while (performance.now() < until) {
          const i = n++;
          const buyer = spec.data.buyers[i % spec.data.buyers.length]!;
          const t0 = performance.now();
          const conn = await pool.getConnection();
          try {
            const c = counted(conn, () => statements++);
            await replay.run(c, { n: i, buyer, unique: `${process.pid}-${i}` }, spec.data);
            latencies.push(performance.now() - t0);
          } catch (e) {
            errors++;
            firstError ??= (e as Error).message;
            await conn.query('ROLLBACK').catch(() => {}); // not counted: the server sends it only on failure
          } finally {
            conn.release();
          }
        }
      }),
    );
    return { latencies, errors, firstError, statements, elapsed: (performance.now() - started) / 1000 };
  };
  await phase(spec.warmupSeconds);
  const run = await phase(spec.seconds);
  await pool.end();
  const sorted = run.latencies.sort((a, b) => a - b);
  const result: ReplayResult = {
    okPerSec: sorted.length / run.elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    ok: sorted.length,
    errors: run.errors,
    firstError: run.firstError,
    statements: sorted.length ? run.statements / sorted.length : 0,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

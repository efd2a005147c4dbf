// Set-up and tear-down around a bench run: the measurement lock, the fresh database and account, the server,
// the fixtures, and everything removed afterwards (database, account, Redis keys, the userstat switch).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Redis from 'ioredis';
import {
  connectAdmin,
  createBenchDatabase,
  dropBenchDatabase,
  statementCounter,
  type Admin,
  type StatementCounter,
} from './database';
import { makeFixtures, type Fixtures } from './fixtures';
import { benchLogDir, serverCommand, startServer, type RunningServer } from './server-process';
import { DB, PORTS, REDIS_PREFIX, REDIS_URL, SERVER_DATA_DIR, TSX_BIN } from './settings';

const LOCK = '/tmp/linli-measure.lock';

/** Re-runs this process under `flock` (Lighthouse and other measurements take the same lock); true if it did. */
export function runUnderMeasureLock(): boolean {
  if (process.env.LINLI_BENCH_LOCKED === '1') return false;
  const res = spawnSync('flock', [LOCK, TSX_BIN, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, LINLI_BENCH_LOCKED: '1' },
  });
  process.exitCode = res.status ?? 1;
  return true;
}

export interface BenchContext {
  root: Admin;
  /** root, on the bench database (set-up SQL, never counted) */
  db: Admin;
  counter: StatementCounter;
  server: RunningServer;
  fixtures: Fixtures;
  logDir: string;
}

export async function withBenchServer<T>(
  opts: { nodeFlags?: string[]; keepLogs?: boolean },
  body: (ctx: BenchContext) => Promise<T>,
): Promise<T> {
  const logDir = benchLogDir();
  const root = await connectAdmin();
  await createBenchDatabase(root);
  const counter = await statementCounter(root);
  let server: RunningServer | undefined;
  let ok = false;
  let db: Admin | undefined;
  try {
    server = await startServer(PORTS.server, await serverCommand(opts.nodeFlags), logDir);
    console.log(`[bench] server up (${server.label}), logs in ${logDir}`);
    db = await connectAdmin(DB.name);
    const fixtures = await makeFixtures(server.baseUrl, db);
    const result = await body({ root, db, counter, server, fixtures, logDir });
    ok = !opts.keepLogs;
    return result;
  } finally {
    await server?.child.stop();
    await db?.end();
    await counter.restore();
    await dropBenchDatabase(root);
    await root.end();
    await dropRedisKeys();
    fs.rmSync(SERVER_DATA_DIR, { recursive: true, force: true });
    // the server's request log is large: kept only after a failure (or with --keep-logs)
    if (ok) fs.rmSync(logDir, { recursive: true, force: true });
    else console.log(`[bench] logs kept in ${logDir}`);
  }
}

async function dropRedisKeys(): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${REDIS_PREFIX}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

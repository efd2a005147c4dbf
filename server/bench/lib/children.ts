// The load and the replay baseline as child processes pinned to core 1 (the server side has core 0): each gets
// its spec as a JSON file and answers one JSON line.
import fs from 'node:fs';
import path from 'node:path';
import type { ReplayResult, ReplaySpec } from '../baselines/sql-replay';
import type { LoadResult, LoadSpec } from './load-spec';
import { runForOutput, startChild, waitReady, type Child } from './processes';
import { BENCH_DIR, pinned, REPO_DIR, TSX_BIN } from './settings';

async function runJsonChild<T>(script: string, spec: unknown, logDir: string, name: string): Promise<T> {
  const specFile = path.join(logDir, `${name}.spec.json`);
  fs.writeFileSync(specFile, JSON.stringify(spec));
  const out = await runForOutput(pinned(1, [TSX_BIN, path.join(BENCH_DIR, script), specFile]), { cwd: REPO_DIR });
  const last = out.trim().split('\n').pop()!;
  return JSON.parse(last) as T;
}

export const runLoad = (spec: LoadSpec, logDir: string) =>
  runJsonChild<LoadResult>('load.ts', spec, logDir, `load-${spec.name}`);

export const runReplay = (spec: ReplaySpec, logDir: string) =>
  runJsonChild<ReplayResult>('baselines/sql-replay.ts', spec, logDir, `replay-${spec.replay}`);

/** The bare Koa hello world, pinned to the server's core. */
export async function startKoa(port: number, logDir: string): Promise<Child> {
  const child = startChild(pinned(0, [TSX_BIN, path.join(BENCH_DIR, 'baselines/koa-hello.ts'), String(port)]), {
    cwd: REPO_DIR,
    env: { NODE_ENV: 'production' },
    logFile: path.join(logDir, 'koa.log'),
  });
  await waitReady(child, `http://127.0.0.1:${port}/`);
  return child;
}

// The Linli server in its own process, production-like (NODE_ENV=production, pino at info to a log file, no
// scheduler), pinned to core 0. Compiled JavaScript when the server has a build script, else tsx from source.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChild, runToEnd, waitReady, type Child } from './processes';
import { pinned, REPO_DIR, SERVER_DIR, serverEnv, TSX_BIN } from './settings';

export interface ServerCommand {
  /** how the server runs, for the report */
  label: 'node dist' | 'tsx';
  command: string[];
}

const COMPILED_MAIN = path.join(SERVER_DIR, 'dist/server/src/main.js');

/** `npm run build -w server` then `node dist/…/main.js`; without a build script (or a failed build), tsx. */
export async function serverCommand(nodeFlags: string[] = []): Promise<ServerCommand> {
  const pkg = JSON.parse(fs.readFileSync(path.join(SERVER_DIR, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  if (pkg.scripts?.build) {
    try {
      await runToEnd(['flock', '/tmp/linli-build.lock', 'npm', 'run', 'build', '-w', 'server'], { cwd: REPO_DIR });
      if (fs.existsSync(COMPILED_MAIN)) return { label: 'node dist', command: ['node', ...nodeFlags, COMPILED_MAIN] };
      console.warn(`[bench] the build did not produce ${COMPILED_MAIN}: running the server through tsx`);
    } catch (e) {
      console.warn(`[bench] the server build failed (${(e as Error).message}): running the server through tsx`);
    }
  }
  return { label: 'tsx', command: [TSX_BIN, ...nodeFlags, path.join(SERVER_DIR, 'src/main.ts')] };
}

export interface RunningServer {
  baseUrl: string;
  label: ServerCommand['label'];
  child: Child;
}

export async function startServer(port: number, cmd: ServerCommand, logDir: string): Promise<RunningServer> {
  const env = serverEnv(port);
  fs.rmSync(env.DATA_DIR!, { recursive: true, force: true });
  const child = startChild(pinned(0, cmd.command), {
    cwd: REPO_DIR,
    env,
    logFile: path.join(logDir, 'server.log'),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(child, `${baseUrl}/readyz`);
  return { baseUrl, label: cmd.label, child };
}

export function benchLogDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-'));
}

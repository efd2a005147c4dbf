// Child processes of the bench: started pinned to a core, their output sent to a log file, stopped by their own
// id (never by name), and waited on over HTTP until they answer.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export interface Child {
  proc: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

export function startChild(command: string[], opts: { cwd: string; env: Record<string, string>; logFile: string }) {
  const out = fs.openSync(opts.logFile, 'w');
  const [bin, ...args] = command;
  const proc = spawn(bin!, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const child: Child = {
    proc,
    logFile: opts.logFile,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return child;
}

/** Polls `url` until it answers 200; fails early when the child exits, with the end of its log. */
export async function waitReady(child: Child, url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.proc.exitCode !== null) throw new Error(`${url}: the process exited\n${tail(child.logFile)}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms\n${tail(child.logFile)}`);
}

export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Runs a command to completion with its output inherited; rejects on a nonzero exit. */
export function runToEnd(command: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<void> {
  const [bin, ...args] = command;
  return new Promise((resolve, reject) => {
    const proc = spawn(bin!, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: 'inherit' });
    proc.once('error', reject);
    proc.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command.join(' ')} exited ${code}`))));
  });
}

/** Runs a command and returns its stdout (stderr inherited); rejects on a nonzero exit. */
export function runForOutput(command: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<string> {
  const [bin, ...args] = command;
  return new Promise((resolve, reject) => {
    const proc = spawn(bin!, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    proc.once('error', reject);
    proc.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command.join(' ')} exited ${code}`))));
  });
}

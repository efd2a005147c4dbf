#!/usr/bin/env node
// `npm start`: refuse a bad config at once, build the front-ends that are missing (with progress), then run the
// one server process (API, H5 shop, admin, sandbox, scheduler). In production (NODE_ENV=production) the server runs
// as compiled JavaScript (`npm run build -w server` → server/dist); elsewhere straight from its sources via tsx.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, what, env = {}) {
  const started = Date.now();
  if (what) console.log(`[linli] ${what}…`);
  const r = spawnSync(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: what ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  if (r.status !== 0) {
    if (what) console.error(`[linli] ${what} failed (exit ${r.status}); run \`${cmd} ${args.join(' ')}\` to see why`);
    process.exit(r.status ?? 1);
  }
  if (what) console.log(`[linli] ${what}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (!fs.existsSync(tsx)) {
  console.error('[linli] dependencies are missing: run `npm install` first');
  process.exit(1);
}
const production = process.env.NODE_ENV === 'production';
const compiled = (file) => path.join('server/dist/server/src', file.replace(/\.ts$/, '.js'));
if (production && !fs.existsSync(path.join(root, compiled('main.ts'))))
  run(npm, ['run', 'build', '-w', 'server'], 'compiling the server');
// one way to launch a server entry point in either mode
const serverEntry = (file) => (production ? [process.execPath, [compiled(file)]] : [tsx, [`server/src/${file}`]]);
run(...serverEntry('cli/check-config.ts'));

// The front-ends are always production builds, whatever the shell's NODE_ENV says (a development H5 bundle needs
// Taro's dev server and renders blank here). A build is reused only when its build-mode.json (written by
// scripts/mark-build.mjs) says production; otherwise it is built again.
const builds = [
  ['admin/dist', ['run', 'build', '-w', 'admin'], 'building the admin (~30 s)'],
  ['miniapp/dist/h5', ['run', 'build:h5', '-w', 'miniapp'], 'building the H5 shop (~60 s)'],
];
function builtMode(dist) {
  try {
    if (!fs.existsSync(path.join(root, dist, 'index.html'))) return 'none';
    return JSON.parse(fs.readFileSync(path.join(root, dist, 'build-mode.json'), 'utf8')).mode ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
for (const [dist, args, what] of builds) {
  const mode = builtMode(dist);
  if (mode === 'production') continue;
  const why = mode === 'none' ? 'first start' : `the build in ${dist} was made in ${mode} mode`;
  run(npm, args, `${what}; ${why}`, { NODE_ENV: 'production' });
}

const [command, args] = serverEntry('main.ts');
const server = spawn(command, args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

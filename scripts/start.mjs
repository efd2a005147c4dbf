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

function run(cmd, args, what) {
  const started = Date.now();
  if (what) console.log(`[linli] ${what}…`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: what ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
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

const builds = [
  ['admin/dist/index.html', ['run', 'build', '-w', 'admin'], 'building the admin (first start only, ~30 s)'],
  [
    'miniapp/dist/h5/index.html',
    ['run', 'build:h5', '-w', 'miniapp'],
    'building the H5 shop (first start only, ~30 s)',
  ],
];
for (const [marker, args, what] of builds) {
  if (!fs.existsSync(path.join(root, marker))) run(npm, args, what);
}

const [command, args] = serverEntry('main.ts');
const server = spawn(command, args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

#!/usr/bin/env node
// `npm run lint:openapi`: builds the OpenAPI document the server serves at GET /api/openapi.json — without a
// network server and without MariaDB (embedded mode: SQLite in a temporary DATA_DIR, the in-process Redis
// stand-in, sandbox on so the sandbox control routes are documented too, no scheduler) — writes it to a temporary
// file and runs `redocly lint` on it with the rules of redocly.yaml (`recommended`). Any problem, warning or
// error, fails the run. `--keep` leaves the document and prints its path; `--out FILE` writes it there instead.
//
// The server's TypeScript is loaded through tsx's CommonJS hook; this script relies only on loadConfig,
// createRuntime, prepare (and the `modules` of buildApp's result, which prepare takes) and buildApp(rt).openapi().
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/cjs/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const outArg = args.indexOf('--out') >= 0 ? args[args.indexOf('--out') + 1] : undefined;

async function buildDocument(dataDir) {
  register();
  const require = createRequire(path.join(root, 'server/src/'));
  const { loadConfig } = require('./config.ts');
  const { createRuntime } = require('./platform/runtime.ts');
  const { prepare } = require('./bootstrap/prepare.ts');
  const { buildApp } = require('./app.ts');
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '3000',
    DATA_DIR: dataDir,
    SANDBOX: '1',
    SCHEDULER: '0',
    LOG_LEVEL: 'silent',
    ADMIN_USERNAME: 'openapi-lint',
    ADMIN_PASSWORD: 'openapi-lint-password',
  });
  const rt = createRuntime(config);
  try {
    const built = buildApp(rt);
    // prepare(rt, modules, opts) migrates once the modules are assembled (the older prepare(rt, opts) also works)
    if (prepare.length >= 3) await prepare(rt, built.modules, { seedDemo: false });
    else await prepare(rt, { seedDemo: false });
    return built.openapi();
  } finally {
    await rt.close();
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-openapi-'));
let status = 1;
try {
  const document = await buildDocument(path.join(tmp, 'data'));
  const file = outArg ? path.resolve(outArg) : path.join(tmp, 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
  const operations = Object.values(document.paths ?? {}).flatMap((item) => Object.keys(item)).length;
  console.log(`openapi: ${operations} operations written to ${file}`);

  // JSON output, so that warnings can fail the check too (redocly exits non-zero on errors only).
  const redocly = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');
  const r = spawnSync(
    process.execPath,
    [redocly, 'lint', file, `--config=${path.join(root, 'redocly.yaml')}`, '--format=json', '--max-problems=10000'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      // offline and quiet: no usage telemetry, no update check
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
    },
  );
  if (r.error) throw r.error;
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`redocly lint printed no JSON report (exit ${r.status})`);
  }
  for (const p of report.problems) {
    const where = p.location?.[0]?.pointer ?? '';
    console.log(`  ${p.severity.padEnd(5)}  ${p.ruleId.padEnd(28)} ${where}  ${p.message}`);
  }
  // `ignored` counts problems silenced by a .redocly.lint-ignore.yaml: none may be, rules are configured openly.
  const { errors, warnings, ignored } = report.totals;
  console.log(
    `openapi: redocly ${report.version} lint (redocly.yaml): ${errors} errors, ${warnings} warnings, ${ignored} ignored`,
  );
  if (r.status === 0 && errors === 0 && warnings === 0 && ignored === 0) status = 0;
  else console.error('openapi: FAILED (any error, warning or ignored problem fails the check)');
  if (keep && !outArg) console.log(`openapi: kept ${file}`);
} catch (err) {
  console.error(err);
} finally {
  if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(status);

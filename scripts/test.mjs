#!/usr/bin/env node
// `npm test`: every jest project (unit, integration and browser on real MariaDB + Redis, embedded on SQLite +
// the in-process stand-in). Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`). Ends with a
// plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-jest-')), 'results.json');
const jest = path.join(root, 'node_modules', '.bin', 'jest');
const r = spawnSync(jest, ['--json', `--outputFile=${out}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
let summary = 'tests: 0 passed, 0 failed';
try {
  const res = JSON.parse(fs.readFileSync(out, 'utf8'));
  summary = `tests: ${res.numPassedTests} passed, ${res.numFailedTests} failed`;
  if (res.numTotalTests === 0) summary += ' (no test ran)';
} catch {
  summary = 'tests: 0 passed, 1 failed (jest wrote no results)';
}
console.log(`\n${summary}`);
process.exit(r.status ?? 1);

// The run's output: a table on stdout, and bench/results/latest.json + latest.svg (overwritten each run).
import fs from 'node:fs';
import path from 'node:path';
import type { BaselineRow, Report, ScenarioRow } from './measure';
import { barChart } from './report-svg';
import { RESULTS_DIR } from './settings';

const num = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number) => (n < 10 ? num(n, 1) : num(n));

function goalCell(r: ScenarioRow, base: BaselineRow | undefined): string {
  if (r.goal === undefined) return '';
  const p99 = r.p99Goal ? `, p99 ≤ ${r.p99Goal}× (${base ? num(r.p99 / Math.max(base.p99, 0.001), 1) : '?'}×)` : '';
  return `${r.met ? 'met' : 'MISSED'} (≥ ${num(r.goal, 2)}${p99})`;
}

function errorCell(r: { errors: number; failures?: Record<string, number> }): string {
  if (!r.errors) return '0';
  const detail = r.failures
    ? Object.entries(r.failures)
        .map(([k, v]) => `${k}:${v}`)
        .join(' ')
    : '';
  return `${r.errors}${detail ? ` (${detail})` : ''}`;
}

/** The server's statements per request beside its replay's; a gap means the replay no longer matches the code. */
function queriesCell(server: number, replay: BaselineRow | undefined): string {
  if (!replay?.statements) return num(server, 1);
  const stale = Math.abs(server - replay.statements) >= 0.5 ? ' STALE: recapture' : '';
  return `${num(server, 1)} (replay ${num(replay.statements, 1)}${stale})`;
}

export function tableLines(report: Report): string[] {
  const base = new Map<string, BaselineRow>(report.baselines.map((b) => [b.name, b]));
  const header = [
    'scenario',
    'req/s',
    'ratio',
    'vs',
    'goal',
    'p50 ms',
    'p99 ms',
    'base req/s',
    'base p50',
    'base p99',
    'errors',
    'queries/req',
    'redis/req',
  ];
  const body = report.rows.map((r) => {
    const b = base.get(r.baseline);
    const vs = r.baseline === 'koa' ? 'Koa' : r.baseline === 'healthz' ? '/healthz' : `${r.baseline} SQL`;
    const ratio =
      num(r.ratio, 2) +
      (r.ownReplayRatio !== undefined ? ` (own SQL ${num(r.ownReplayRatio, 2)})` : '') +
      (r.koaRatio !== undefined ? ` (Koa ${num(r.koaRatio, 2)})` : '');
    const queries = r.queriesPerRequest === null ? '' : queriesCell(r.queriesPerRequest, base.get(r.name));
    return [
      r.title,
      num(r.okPerSec),
      ratio,
      vs,
      goalCell(r, b),
      ms(r.p50),
      ms(r.p99),
      b ? num(b.okPerSec) : '',
      b ? ms(b.p50) : '',
      b ? ms(b.p99) : '',
      errorCell(r),
      queries,
      r.redisPerRequest === undefined ? '' : num(r.redisPerRequest, 2),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 3 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    `Linli bench: server ${report.server}, ${report.connections} connections, ${report.seconds} s per scenario, ${report.buyers} buyers, ${report.cpus} cores (${report.cpus >= 2 ? 'server core 0, load core 1' : 'unpinned'})`,
    `req/s counts the expected 2xx only; queries/req counts the server's statements (${report.statementCounter === 'account' ? 'its own MariaDB account' : 'GLOBAL Questions: other clients included'})`,
    `load average ${num(report.loadAverage.before, 1)} before, ${num(report.loadAverage.after, 1)} after (1 min; well above 2-3 means other work shared the cores: the figures are noisy)`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    'baselines:',
    ...report.baselines.map(
      (b) =>
        `  ${b.title.padEnd(40)} ${num(b.okPerSec).padStart(8)} req/s  p50 ${ms(b.p50)} ms  p99 ${ms(b.p99)} ms  errors ${b.errors}${b.firstError ? ` (first: ${b.firstError})` : ''}`,
    ),
  ];
  return out;
}

export function printTable(report: Report): void {
  console.log(`\n${tableLines(report).join('\n')}\n`);
}

/** latest.json in the repository's Prettier style (`npm run lint` checks every JSON file), and latest.svg. */
export async function writeResults(report: Report): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, 'latest.json');
  const prettier = await import('prettier');
  const options = await prettier.resolveConfig(file);
  fs.writeFileSync(file, await prettier.format(JSON.stringify(report), { ...options, filepath: file }));
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.svg'), barChart(report));
  console.log(`[bench] wrote ${path.relative(process.cwd(), RESULTS_DIR)}/latest.json and latest.svg`);
}

// `npm run bench` — see bench/README.md. The server, the baselines and the load each run in their own process;
// the figures are ratios to baselines measured in the same run on the same machine.
//   --capture        record the write scenarios' SQL into bench/replay/captured/ (no measurement)
//   --allow-errors   exit 0 even when a scenario had errors
//   --profile        run the server under `node --cpu-prof` and summarise where its CPU time went
//   --only=a,b       run only these scenarios (names as in bench/README.md)
//   --keep-logs      keep the server's request log (kept anyway after a failure)
import fs from 'node:fs';
import { capture } from './lib/capture';
import { runUnderMeasureLock, withBenchServer } from './lib/lifecycle';
import { measureAll } from './lib/measure';
import { printTable, writeResults } from './lib/report';
import { printNewestProfile } from './lib/profile-summary';
import { PROFILE_DIR } from './lib/settings';

function flag(name: string): string | boolean | undefined {
  const arg = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!arg) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : true;
}

async function main(): Promise<number> {
  const profile = flag('profile') === true;
  if (profile) fs.rmSync(PROFILE_DIR, { recursive: true, force: true });
  const only = typeof flag('only') === 'string' ? String(flag('only')).split(',') : undefined;
  const code = await withBenchServer(
    { nodeFlags: profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [], keepLogs: flag('keep-logs') === true },
    async (ctx) => {
      if (flag('capture')) {
        await capture(ctx.root, ctx.db, ctx.server.baseUrl, ctx.fixtures);
        return 0;
      }
      const report = await measureAll(ctx, { only });
      printTable(report);
      await writeResults(report);
      const errors = report.rows.reduce((n, r) => n + r.errors, 0) + report.baselines.reduce((n, b) => n + b.errors, 0);
      if (errors && !flag('allow-errors')) {
        console.error(`\n[bench] ${errors} errors (non-expected answers): see the table; --allow-errors to exit 0`);
        return 1;
      }
      return 0;
    },
  );
  if (profile) printNewestProfile(); // written when the server exited
  return code;
}

if (!runUnderMeasureLock()) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}

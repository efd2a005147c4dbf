// Composition root: load config → pick adapters (embedded or services) → prepare storage → mount → listen →
// start the scheduler → print where everything is.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildApp } from './app';
import { ensureDatabase, prepare } from './bootstrap/prepare';
import { ConfigError, loadConfig, type Config } from './config';
import { createRuntime } from './platform/runtime';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

async function main() {
  const config = configOrExit();
  const step = (msg: string) => console.log(`[linli] ${msg}`);
  step(
    `mode: ${config.mysqlUrl ? 'MySQL' : 'embedded SQLite'} + ${config.redisUrl ? 'Redis' : 'in-process Redis stand-in'}${config.sandbox ? ' + sandbox' : ''}`,
  );

  await ensureDatabase(config.mysqlUrl);
  const rt = createRuntime(config);
  const { app, modules } = buildApp(rt);
  step('applying migrations…');
  const prepared = await prepare(rt, modules, { seedDemo: config.sandbox });
  if (prepared.migrations.length) step(`applied ${prepared.migrations.length} migration(s)`);
  if (prepared.seeded)
    step(
      `seeded ${prepared.seeded.products} demo products, ${prepared.seeded.campaigns} group buys, ${prepared.seeded.seckillItems} seckill items`,
    );

  const credentialsFile = path.join(config.dataDir, 'admin-credentials.txt');
  if (prepared.firstAdmin?.generated && !config.mysqlUrl) {
    fs.writeFileSync(credentialsFile, `${prepared.firstAdmin.username}\n${prepared.firstAdmin.password}\n`, {
      mode: 0o600,
    });
  }

  const server = http.createServer(app.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  rt.selfUrl.value = config.publicBaseUrl ?? `http://127.0.0.1:${port}`;
  if (config.scheduler) rt.scheduler.start();
  rt.outbox.start(); // every instance drains the outbox; claims keep each message to one worker
  await rt.workers.start(); // the modules' loops (seckill's order writer replays what a stopped process left)

  const base = rt.selfUrl.value;
  const lines = [
    '',
    'Linli (邻里) is running',
    `  H5 shop      ${base}/`,
    `  admin        ${base}/admin/`,
    `  API docs     ${base}/api/openapi.json`,
    `  health       ${base}/readyz`,
  ];
  if (config.sandbox) lines.push(`  sandbox      ${base}/sandbox/jobs  (WeChat login code: sim_<name>)`);
  if (prepared.firstAdmin) {
    lines.push(
      `  admin login  ${prepared.firstAdmin.username} / ${prepared.firstAdmin.password}` +
        (prepared.firstAdmin.generated ? '  (generated: set ADMIN_PASSWORD to choose)' : ''),
    );
  } else if (fs.existsSync(credentialsFile)) {
    const [u, p] = fs.readFileSync(credentialsFile, 'utf8').split('\n');
    lines.push(`  admin login  ${u} / ${p}  (from ${credentialsFile})`);
  }
  console.log(lines.join('\n') + '\n');

  const shutdown = async (signal: string) => {
    rt.logger.info({ signal }, 'shutting down');
    server.close();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error('[linli] failed to start:', err);
  process.exit(1);
});

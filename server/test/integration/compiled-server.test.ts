// Production runs the server as compiled JavaScript (`npm run build -w server` → dist/), not through tsx: the
// compiled tree boots with a production config on MariaDB + Redis, applies the compiled migrations, serves the
// API, and mounts no sandbox.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Sequelize } from 'sequelize';
import { REPO_ROOT } from '../../src/platform/repo-paths';
import { ensureMysqlDatabase } from '../../src/platform/db/sequelize';
import { TEST_MYSQL_URL, TEST_REDIS_URL } from '../support/services';

const MAIN = path.join(REPO_ROOT, 'server/dist/server/src/main.js');
const PORT = 20_000 + (process.pid % 10_000);
const db = new URL(TEST_MYSQL_URL);
db.pathname = `/linli_compiled_${process.pid}`;

let server: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
  // CI builds before testing; a developer's checkout may not have
  if (!fs.existsSync(MAIN)) {
    const built = spawnSync('npm', ['run', 'build', '-w', 'server'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`server build failed:\n${built.stdout}${built.stderr}`);
  }
  await ensureMysqlDatabase(db.toString());
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  server = spawn(process.execPath, [MAIN], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      MYSQL_URL: db.toString(),
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `compiled${process.pid}:`,
      JWT_SECRET: randomBytes(24).toString('hex'),
      WECHAT_APPID: 'wx0000000000000001',
      WECHAT_SECRET: 'not-used-here',
      WECHATPAY_MCHID: '1900000001',
      WECHATPAY_SERIAL_NO: 'ABCDEF0123456789',
      WECHATPAY_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      WECHATPAY_APIV3_KEY: randomBytes(16).toString('hex'),
      ADMIN_USERNAME: 'boss',
      ADMIN_PASSWORD: 'Str0ng-Passw0rd!x',
      SCHEDULER: '0',
      LOG_LEVEL: 'warn',
    },
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the compiled server exited:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${PORT}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (ready === 200) break;
    if (Date.now() - started > 45_000) throw new Error(`the compiled server never became ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

afterAll(async () => {
  server?.kill('SIGTERM');
  const s = new Sequelize(TEST_MYSQL_URL, { logging: false });
  await s.query(`DROP DATABASE IF EXISTS \`${db.pathname.slice(1)}\``);
  await s.close();
});

it('boots from dist with a production config: migrated, serving, no sandbox', async () => {
  expect(output).toMatch(/applied \d+ migration\(s\)/);
  const products = await fetch(`http://127.0.0.1:${PORT}/api/v1/products`);
  expect(products.status).toBe(200);
  expect(await products.json()).toMatchObject({ items: [], total: 0 });
  expect((await fetch(`http://127.0.0.1:${PORT}/sandbox/jobs`)).status).toBe(404);
  const login = await fetch(`http://127.0.0.1:${PORT}/api/admin/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'boss', password: 'Str0ng-Passw0rd!x' }),
  });
  expect(login.status).toBe(200);
});

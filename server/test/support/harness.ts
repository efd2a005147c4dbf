// Boots the real app for a test file: on its own freshly created MariaDB database and its own Redis key prefix
// (services mode), or on a fresh SQLite file and the in-process Redis stand-in (embedded mode). Everything is
// dropped on close, so test files run in parallel.
import Redis from 'ioredis';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Sequelize } from 'sequelize';
import { buildApp } from '../../src/app';
import { MODULES } from '../../src/compose-modules';
import type { AnyModule, AssembledModules } from '../../src/kit/registry';
import { ensureDatabase, prepare } from '../../src/bootstrap/prepare';
import { loadConfig } from '../../src/config';
import { randomToken } from '../../src/kernel/ids';
import { createRuntime, type Runtime } from '../../src/platform/runtime';
import { TEST_MYSQL_URL, TEST_REDIS_URL } from './services';
import type { AddressModel } from '../../src/modules/address';
import type { AfterSaleModels } from '../../src/modules/after-sale';
import type { CartItemModel } from '../../src/modules/cart';
import type { CatalogModels } from '../../src/modules/catalog';
import type { GroupbuyModels } from '../../src/modules/groupbuy';
import type { IdentityModels } from '../../src/modules/identity';
import type { OrderModels } from '../../src/modules/order';
import type { PaymentModels } from '../../src/modules/payment';
import type { SeckillModels } from '../../src/modules/seckill';
import type { CouponModels } from '../../src/modules/coupon';

export interface TestModels {
  identity: IdentityModels;
  catalog: CatalogModels;
  address: AddressModel;
  cart: CartItemModel;
  order: OrderModels;
  payment: PaymentModels;
  afterSale: AfterSaleModels;
  groupbuy: GroupbuyModels;
  seckill: SeckillModels;
  coupon: CouponModels;
}

export interface TestServer {
  baseUrl: string;
  rt: Runtime;
  /** every module's models (tests read and arrange rows directly) */
  models: TestModels;
  /** the assembled modules (their APIs, as the composition root sees them) */
  modules: AssembledModules;
  mode: 'services' | 'embedded';
  admin: { username: string; password: string };
  api<T = any>(
    method: string,
    path: string,
    opts?: { body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface StartOptions {
  mode?: 'services' | 'embedded';
  seedDemo?: boolean;
  env?: Record<string, string>;
  /** modules added after the composition root's list (tests that observe events) */
  extraModules?: readonly AnyModule[];
}

export const TEST_ADMIN = { username: 'admin', password: 'test-admin-password-1' };

export async function startTestServer(opts: StartOptions = {}): Promise<TestServer> {
  const mode = opts.mode ?? 'services';
  const tag = `${process.pid}_${randomToken(4)}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-test-'));
  let mysqlUrl: string | undefined;
  if (mode === 'services') {
    const url = new URL(TEST_MYSQL_URL);
    url.pathname = `/linli_t_${tag}`;
    mysqlUrl = url.toString();
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dataDir,
    SANDBOX: '1',
    SCHEDULER: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    REDIS_PREFIX: `t:${tag}:`,
    ...(mysqlUrl ? { MYSQL_URL: mysqlUrl, REDIS_URL: TEST_REDIS_URL } : {}),
    ...opts.env,
  });
  await ensureDatabase(config.mysqlUrl);
  const rt = createRuntime(config);
  const { app, modules } = buildApp(rt, [...MODULES, ...(opts.extraModules ?? [])]);
  await prepare(rt, modules, { seedDemo: opts.seedDemo ?? false });
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rt.selfUrl.value = baseUrl;
  rt.outbox.start();
  await rt.workers.start();

  return {
    baseUrl,
    rt,
    models: modules.models as unknown as TestModels,
    modules,
    mode,
    admin: TEST_ADMIN,
    async api(method, p, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.body !== undefined) headers['content-type'] ??= 'application/json';
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      const res = await fetch(`${baseUrl}${p}`, {
        method,
        headers,
        body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: body as never, headers: res.headers };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await rt.close();
      if (mysqlUrl) {
        const url = new URL(mysqlUrl);
        const db = url.pathname.slice(1);
        url.pathname = '/';
        const admin = new Sequelize(url.toString(), { dialect: 'mysql', logging: false });
        await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
        await admin.close();
        const redis = new Redis(TEST_REDIS_URL);
        const keys = await redis.keys(`t:${tag}:*`);
        if (keys.length) await redis.del(...keys);
        redis.disconnect();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs a consumer in through the WeChat login simulator (`sim_<name>`). */
export async function wechatLogin(t: TestServer, name: string): Promise<{ token: string; userId: number }> {
  const res = await t.api<{ token: string; user: { id: number } }>('POST', '/api/v1/auth/wechat/login', {
    body: { code: `sim_${name}` },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token, userId: res.body.user.id };
}

export async function adminLogin(t: TestServer, creds = TEST_ADMIN): Promise<string> {
  const res = await t.api<{ token: string }>('POST', '/api/admin/v1/auth/login', { body: creds });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

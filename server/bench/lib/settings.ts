// Everything the bench is configured by, in one place: the services it uses, the names it creates (and drops),
// the load shape, and the throwaway production secrets the server needs to start.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

export const SERVER_DIR = path.resolve(__dirname, '../..');
export const REPO_DIR = path.resolve(SERVER_DIR, '..');
export const BENCH_DIR = path.join(SERVER_DIR, 'bench');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
export const TSX_BIN = path.join(REPO_DIR, 'node_modules/.bin/tsx');

export const MYSQL = { host: '127.0.0.1', port: 3306, rootUser: 'root', rootPassword: '' } as const;
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** the server connects as its own account, so its statements can be counted apart from anyone else's */
export const DB = { name: 'linli_bench', user: 'linli_bench', password: randomBytes(12).toString('hex') } as const;
export const REDIS_PREFIX = 'bench:';

export const PORTS = { server: 39300, koa: 39301 } as const;

export interface LoadShape {
  connections: number;
  seconds: number;
  /** not counted: lets the JIT and the pools settle before each measured run */
  warmupSeconds: number;
}

export function loadShape(): LoadShape {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  if (!(seconds > 0)) throw new Error('BENCH_SECONDS must be a positive number');
  return { connections: 50, seconds, warmupSeconds: Math.min(2, Math.max(1, Math.round(seconds / 5))) };
}

/**
 * 20-SKU products the wide order rotates over: 50 keeps 50 concurrent orders mostly off each other's row locks
 * (a wide order, not a lock queue: that is the hot-SKU scenario); BENCH_WIDE_PRODUCTS=1 puts them all on one.
 */
export const WIDE_PRODUCTS = Number(process.env.BENCH_WIDE_PRODUCTS ?? 50);

/** Distinct buyers: enough that no per-user rate limit (orders 60/min, groups 30/min) shapes a figure. */
export const BUYERS = Number(process.env.BENCH_USERS ?? 10_000);

/** `taskset -c <core>` when the machine has two or more cores: server side on 0, the load on 1. */
export function pinned(core: 0 | 1, command: string[]): string[] {
  return os.availableParallelism() >= 2 ? ['taskset', '-c', String(core), ...command] : command;
}

/** the server's DATA_DIR (uploads, nothing the bench reads); removed after the run */
export const SERVER_DATA_DIR = path.join(os.tmpdir(), 'linli-bench-data');

export const JWT_SECRET = randomBytes(32).toString('hex');
export const ADMIN = { username: 'benchadmin', password: `Bench-${randomBytes(9).toString('base64url')}` };

/** A production environment with throwaway credentials (config.ts refuses to start without them). */
export function serverEnv(port: number): Record<string, string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SCHEDULER: '0',
    MYSQL_URL: `mysql://${DB.user}:${DB.password}@${MYSQL.host}:${MYSQL.port}/${DB.name}`,
    REDIS_URL,
    REDIS_PREFIX,
    DATA_DIR: SERVER_DATA_DIR,
    JWT_SECRET,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    WECHAT_APPID: 'wxbench000000000001',
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    WECHATPAY_MCHID: '1900000001',
    WECHATPAY_SERIAL_NO: randomBytes(20).toString('hex').toUpperCase(),
    WECHATPAY_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    WECHATPAY_APIV3_KEY: randomBytes(16).toString('hex'),
  };
}

/** where `--profile` leaves the server's .cpuprofile */
export const PROFILE_DIR = path.join(os.tmpdir(), 'linli-bench-profile');

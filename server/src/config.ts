// One typed, validated config read from the environment (the settings table of api-contract.md, plus a few
// of our own). `loadConfig` never has side effects; what must be generated (a JWT secret per data dir, sandbox
// keys) is done by the composition root.
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true')
  .optional();
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  MYSQL_URL: optionalString.pipe(z.url({ protocol: /^mysql$/ }).optional()),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]*$/)
    .default('linli:'),
  DATA_DIR: z.string().default('.data'),
  SANDBOX: flag,
  JWT_SECRET: optionalString,
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  ADMIN_USERNAME: optionalString,
  ADMIN_PASSWORD: optionalString,
  PUBLIC_BASE_URL: optionalString.pipe(z.url().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WECHAT_APPID: optionalString,
  WECHAT_SECRET: optionalString,
  WECHAT_API_BASE: optionalString.pipe(z.url().optional()),
  WECHAT_TEMPLATE_ORDER_SHIPPED: optionalString,
  WECHAT_TEMPLATE_REFUND_SUCCEEDED: optionalString,
  WECHAT_TEMPLATE_GROUP_SUCCEEDED: optionalString,
  WECHAT_TEMPLATE_GROUP_FAILED: optionalString,
  WECHAT_TEMPLATE_SECKILL_STARTING: optionalString,
  WECHATPAY_MCHID: optionalString,
  WECHATPAY_SERIAL_NO: optionalString,
  WECHATPAY_PRIVATE_KEY: optionalString,
  WECHATPAY_APIV3_KEY: optionalString,
  WECHATPAY_PUBLIC_KEY_ID: optionalString,
  WECHATPAY_PUBLIC_KEY: optionalString,
  WECHATPAY_API_BASE: optionalString.pipe(z.url().optional()),
  ALIPAY_APPID: optionalString,
  ALIPAY_PRIVATE_KEY: optionalString,
  ALIPAY_PUBLIC_KEY: optionalString,
  ALIPAY_GATEWAY: optionalString.pipe(z.url().optional()),
  SCHEDULER: flag,
  READ_CACHE_MS: z.coerce.number().int().min(0).max(1000).default(1000),
  RESPONSE_CHECKS: z.enum(['all', 'sampled', 'off']).optional(),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const entries = (v ?? '').split(/[\s,]+/).filter(Boolean);
      const out: string[] = [];
      for (const entry of entries) {
        const parsed = parseTrustedProxy(entry);
        if (parsed) out.push(...parsed);
        else ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address, a CIDR range or ${KEYWORDS}` });
      }
      return [...new Set(out)];
    }),
});

/** Named ranges TRUSTED_PROXIES accepts besides addresses and CIDRs. */
const TRUSTED_PROXY_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};
const KEYWORDS = Object.keys(TRUSTED_PROXY_KEYWORDS)
  .map((k) => `"${k}"`)
  .join(' or ');

/** One TRUSTED_PROXIES entry → the CIDR ranges it means (an address is its own /32 or /128), or undefined. */
export function parseTrustedProxy(entry: string): string[] | undefined {
  const named = TRUSTED_PROXY_KEYWORDS[entry.toLowerCase()];
  if (named) return [...named];
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (!family || rest.length) return undefined;
  const max = family === 4 ? 32 : 128;
  if (prefix === undefined) return [`${address!.toLowerCase()}/${max}`];
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return undefined;
  return [`${address!.toLowerCase()}/${Number(prefix)}`];
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** unset = embedded SQLite file in dataDir */
  mysqlUrl?: string;
  /** unset = in-process Redis stand-in (ioredis-mock) */
  redisUrl?: string;
  redisPrefix: string;
  dataDir: string;
  sandbox: boolean;
  /** unset outside production = generated once per data dir */
  jwtSecret?: string;
  sessionTtlSec: number;
  admin: { username?: string; password?: string };
  /** where the outside world reaches us; defaults to http://127.0.0.1:PORT */
  publicBaseUrl?: string;
  logLevel: string;
  /** run the cron scheduler in this process */
  scheduler: boolean;
  /** how long hot public reads are served from this instance's memory (0–1000 ms; platform/micro-cache.ts) */
  readCacheMs: number;
  /**
   * responses re-validated against their contract (http/route.ts): `all` in tests and development, `sampled`
   * (1 in 100), or `off` (production's default: the hot path does no contract work per request)
   */
  responseChecks: 'all' | 'sampled' | 'off';
  /**
   * CIDR ranges of the reverse proxies / load balancers in front of us (TRUSTED_PROXIES). Empty (the default):
   * `X-Forwarded-For` is ignored and the client is the socket's peer. Otherwise the header is read only when the
   * peer is one of them (http/request-context.ts `clientIp`).
   */
  trustedProxies: string[];
  wechat: {
    appId: string;
    secret: string;
    apiBase?: string;
    /** subscribe-message template ids per event */
    templates: {
      order_shipped: string;
      refund_succeeded: string;
      group_succeeded: string;
      group_failed: string;
      seckill_starting: string;
    };
  };
  alipay: { appId: string; privateKey?: string; alipayPublicKey?: string; gateway?: string };
  /** unset fields fall back to the sandbox keys (sandbox only; production refuses to start without them) */
  wechatPay: {
    mchId?: string;
    serialNo?: string;
    privateKey?: string;
    apiV3Key?: string;
    publicKeyId?: string;
    publicKey?: string;
    apiBase?: string;
  };
}

export const SANDBOX_WECHAT = { appId: 'wxsandbox0000000001', secret: 'sandbox-wechat-secret' } as const;
export const SANDBOX_ALIPAY_APPID = '2021000000000001';
const KNOWN_WEAK_SECRETS = new Set(['secret', 'changeme', 'change-me', 'linli', 'jwt-secret', 'dev']);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Linli cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const sandbox = e.SANDBOX ?? !production;

  const problems: string[] = [];
  if (production) {
    if (sandbox)
      problems.push(
        'SANDBOX=1 is refused in production: the simulators and sandbox controls must never be mounted there',
      );
    if (!e.JWT_SECRET) problems.push('JWT_SECRET is missing: production needs a secret of at least 32 characters');
    else if (e.JWT_SECRET.length < 32 || KNOWN_WEAK_SECRETS.has(e.JWT_SECRET.toLowerCase()))
      problems.push('JWT_SECRET is a default or too short: use at least 32 random characters');
    if (!e.MYSQL_URL) problems.push('MYSQL_URL is missing: production runs on MySQL');
    if (!e.REDIS_URL) problems.push('REDIS_URL is missing: production runs on Redis');
    if (!e.WECHAT_APPID || !e.WECHAT_SECRET) problems.push('WECHAT_APPID and WECHAT_SECRET are required in production');
    const wxPayMissing = (
      ['WECHATPAY_MCHID', 'WECHATPAY_SERIAL_NO', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY'] as const
    ).filter((k) => !e[k]);
    if (wxPayMissing.length) problems.push(`WeChat Pay needs ${wxPayMissing.join(', ')} in production`);
    if (e.WECHATPAY_APIV3_KEY && Buffer.byteLength(e.WECHATPAY_APIV3_KEY) !== 32)
      problems.push('WECHATPAY_APIV3_KEY must be the 32-byte APIv3 key');
    if (e.ALIPAY_APPID && (!e.ALIPAY_PRIVATE_KEY || !e.ALIPAY_PUBLIC_KEY))
      problems.push('ALIPAY_APPID is set but ALIPAY_PRIVATE_KEY or ALIPAY_PUBLIC_KEY is missing');
  }
  if (problems.length) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    mysqlUrl: e.MYSQL_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    dataDir: path.resolve(e.DATA_DIR),
    sandbox,
    jwtSecret: e.JWT_SECRET,
    sessionTtlSec: e.SESSION_TTL_HOURS * 3600,
    admin: { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD },
    publicBaseUrl: e.PUBLIC_BASE_URL,
    logLevel: e.LOG_LEVEL,
    scheduler: e.SCHEDULER ?? true,
    readCacheMs: e.READ_CACHE_MS,
    responseChecks: e.RESPONSE_CHECKS ?? (production ? 'off' : 'all'),
    trustedProxies: e.TRUSTED_PROXIES,
    wechat: {
      appId: e.WECHAT_APPID ?? SANDBOX_WECHAT.appId,
      secret: e.WECHAT_SECRET ?? SANDBOX_WECHAT.secret,
      apiBase: e.WECHAT_API_BASE,
      templates: {
        order_shipped: e.WECHAT_TEMPLATE_ORDER_SHIPPED ?? 'sandbox_order_shipped',
        refund_succeeded: e.WECHAT_TEMPLATE_REFUND_SUCCEEDED ?? 'sandbox_refund_succeeded',
        group_succeeded: e.WECHAT_TEMPLATE_GROUP_SUCCEEDED ?? 'sandbox_group_succeeded',
        group_failed: e.WECHAT_TEMPLATE_GROUP_FAILED ?? 'sandbox_group_failed',
        seckill_starting: e.WECHAT_TEMPLATE_SECKILL_STARTING ?? 'sandbox_seckill_starting',
      },
    },
    alipay: {
      appId: e.ALIPAY_APPID ?? SANDBOX_ALIPAY_APPID,
      privateKey: e.ALIPAY_PRIVATE_KEY,
      alipayPublicKey: e.ALIPAY_PUBLIC_KEY,
      gateway: e.ALIPAY_GATEWAY,
    },
    wechatPay: {
      mchId: e.WECHATPAY_MCHID,
      serialNo: e.WECHATPAY_SERIAL_NO,
      privateKey: e.WECHATPAY_PRIVATE_KEY?.replaceAll('\\n', '\n'),
      apiV3Key: e.WECHATPAY_APIV3_KEY,
      publicKeyId: e.WECHATPAY_PUBLIC_KEY_ID,
      publicKey: e.WECHATPAY_PUBLIC_KEY?.replaceAll('\\n', '\n'),
      apiBase: e.WECHATPAY_API_BASE,
    },
  };
}

// Everything the app runs on, picked from the config: embedded (SQLite + ioredis-mock) or services (MySQL +
// Redis), the sandbox simulators' keys, the platform clients, the session signer. Built once by main.ts and by
// the tests; `close()` releases it all.
import fs from 'node:fs';
import path from 'node:path';
import type { Sequelize } from 'sequelize';
import type { Config } from '../config';
import { SessionTokens } from './session-tokens';
import { RateLimits } from './rate-limit';
import { BusinessClock } from '../kernel/clock';
import { randomToken } from '../kernel/ids';
import { AuditLog } from './audit/audit-log';
import { Quotas } from './db/quota';
import { guardStatusWrites } from './db/status-move';
import { Outbox } from './outbox/outbox';
import { SettingsStore } from './settings/settings-store';
import { AlipayTrades } from './sandbox/alipay-trades';
import { wechatPaySimulator, WECHATPAY_SIM_PREFIX, type WechatPaySimulator } from './sandbox/wechatpay/simulator';
import { WechatPayClient } from './wechatpay/wechatpay-client';
import { Idempotency } from './idempotency';
import { AlipayClient } from './alipay/alipay-client';
import { capabilitiesOf, type DbCapabilities } from './db/capabilities';
import { createSequelize } from './db/sequelize';
import { refuseQueriesOutsideTransactions } from './db/transaction';
import { Scheduler } from './jobs/scheduler';
import { createLogger, type Logger } from './logger';
import { createRedis, type RedisClient } from './redis/redis';
import { loadOrCreateSandboxKeys, type SandboxKeys } from './sandbox/keys';
import { noSmsProvider, sandboxSms, type SmsSender } from './sms';
import { WechatClient } from './wechat/wechat-client';
import { Workers } from './workers';

export interface Runtime {
  config: Config;
  logger: Logger;
  sequelize: Sequelize;
  db: DbCapabilities;
  redis: RedisClient;
  clock: BusinessClock;
  tokens: SessionTokens;
  rateLimits: RateLimits;
  /** our own origin, known once the server listens (sandbox base URLs derive from it) */
  selfUrl: { value: string };
  sandboxKeys?: SandboxKeys;
  wechat: WechatClient;
  alipay: AlipayClient;
  wechatPay: WechatPayClient;
  /** the in-process WeChat Pay simulator (sandbox only) */
  wechatPaySim?: WechatPaySimulator;
  /** the in-process Alipay trade simulator (sandbox only) */
  alipayTrades?: AlipayTrades;
  outbox: Outbox;
  settings: SettingsStore;
  sms: SmsSender;
  audit: AuditLog;
  /** atomic limits (per-user campaign limits, new-user orders) */
  quotas: Quotas;
  idempotency: Idempotency;
  scheduler: Scheduler;
  /** the modules' background loops (started with the outbox, stopped first on close) */
  workers: Workers;
  close(): Promise<void>;
}

/** JWT_SECRET, or one generated once and kept in the data dir (never in production: config refuses that). */
function jwtSecretFor(config: Config): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = path.join(config.dataDir, 'jwt-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomToken(32);
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

export function createRuntime(config: Config, opts: { logger?: Logger } = {}): Runtime {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const sequelize = createSequelize({ mysqlUrl: config.mysqlUrl, dataDir: config.dataDir, logger });
  if (config.env !== 'production') refuseQueriesOutsideTransactions(sequelize);
  guardStatusWrites(sequelize);
  const redis = createRedis({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  const clock = new BusinessClock();
  const selfUrl = { value: config.publicBaseUrl ?? `http://127.0.0.1:${config.port}` };
  const sandboxKeys = config.sandbox ? loadOrCreateSandboxKeys(config.dataDir) : undefined;

  const wechat = new WechatClient({
    appId: config.wechat.appId,
    secret: config.wechat.secret,
    apiBase: () =>
      config.wechat.apiBase ?? (config.sandbox ? `${selfUrl.value}/sandbox/wechat` : 'https://api.weixin.qq.com'),
    redis,
    logger,
  });
  const alipay = new AlipayClient({
    appId: config.alipay.appId,
    privateKey: config.alipay.privateKey ?? sandboxKeys?.alipayApp.privateKey ?? '',
    alipayPublicKey: config.alipay.alipayPublicKey ?? sandboxKeys?.alipayPlatform.publicKey ?? '',
    gateway: () =>
      config.alipay.gateway ??
      (config.sandbox ? `${selfUrl.value}/sandbox/alipay/gateway.do` : 'https://openapi.alipay.com/gateway.do'),
    logger,
  });

  const wxKeys = sandboxKeys?.wechatPay;
  const wp = config.wechatPay;
  const wechatPay = new WechatPayClient(
    {
      appId: config.wechat.appId,
      mchId: wp.mchId ?? wxKeys?.mchId ?? '',
      serialNo: wp.serialNo ?? wxKeys?.merchant.serialNo ?? '',
      privateKey: wp.privateKey ?? wxKeys?.merchant.privateKey ?? '',
      certificate: wxKeys?.merchant.certificate,
      apiV3Key: wp.apiV3Key ?? wxKeys?.apiV3Key ?? '',
      publicKeyId: wp.publicKeyId ?? wxKeys?.publicKey.id,
      publicKey: wp.publicKey ?? wxKeys?.publicKey.publicKey,
      apiBase: () =>
        wp.apiBase ?? (config.sandbox ? `${selfUrl.value}${WECHATPAY_SIM_PREFIX}` : 'https://api.mch.weixin.qq.com'),
      notifyBase: () => selfUrl.value,
    },
    logger,
  );
  const wechatPaySim =
    config.sandbox && wxKeys ? wechatPaySimulator({ appId: config.wechat.appId, keys: wxKeys, logger }) : undefined;

  const db = capabilitiesOf(sequelize);
  const audit = new AuditLog(sequelize);
  return {
    config,
    logger,
    sequelize,
    db,
    redis,
    clock,
    tokens: new SessionTokens(jwtSecretFor(config), config.sessionTtlSec),
    rateLimits: new RateLimits(config.redisUrl ? redis : undefined),
    selfUrl,
    sandboxKeys,
    wechat,
    alipay,
    wechatPay,
    wechatPaySim,
    alipayTrades:
      config.sandbox && sandboxKeys
        ? new AlipayTrades(config.alipay.appId, sandboxKeys.alipayPlatform.privateKey, logger)
        : undefined,
    outbox: new Outbox(sequelize, logger),
    settings: new SettingsStore(sequelize, db, audit),
    sms: config.sandbox ? sandboxSms(logger) : noSmsProvider,
    audit,
    quotas: new Quotas(sequelize),
    idempotency: new Idempotency(sequelize, db),
    scheduler: new Scheduler({ redis, clock, logger }),
    workers: new Workers(),
    async close() {
      await this.workers.stop();
      await this.scheduler.stop();
      await this.outbox.stop();
      this.wechatPaySim?.close();
      this.alipayTrades?.close();
      await sequelize.close();
      redis.disconnect();
    },
  };
}

// Everything the app runs on, picked from the config: embedded (SQLite + ioredis-mock) or services (MySQL +
// Redis), the sandbox simulators' keys, the platform clients, the session signer. Built once by main.ts and by
// the tests; `close()` releases it all.
import fs from 'node:fs';
import path from 'node:path';
import type { Sequelize } from 'sequelize';
import type { Config } from '../config';
import { SessionTokens } from '../http/auth';
import { RateLimits } from '../http/rate-limit';
import { BusinessClock } from '../kernel/clock';
import { randomToken } from '../kernel/ids';
import { AuditLog } from '../modules/audit';
import { defineCatalogModels, type CatalogModels } from '../modules/catalog';
import { defineIdentityModels, type IdentityModels } from '../modules/identity';
import { defineAddressModel, type AddressModel } from '../modules/address';
import { defineOrderModels, type OrderModels } from '../modules/order';
import { definePaymentModels, type PaymentModels } from '../modules/payment';
import { defineAfterSaleModels, type AfterSaleModels } from '../modules/after-sale';
import { defineGroupbuyModels, type GroupbuyModels } from '../modules/groupbuy';
import { defineCartModel, type CartItemModel } from '../modules/cart';
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
  models: {
    identity: IdentityModels;
    catalog: CatalogModels;
    address: AddressModel;
    order: OrderModels;
    payment: PaymentModels;
    afterSale: AfterSaleModels;
    groupbuy: GroupbuyModels;
    cart: CartItemModel;
  };
  idempotency: Idempotency;
  scheduler: Scheduler;
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
    settings: new SettingsStore(sequelize),
    sms: config.sandbox ? sandboxSms(logger) : noSmsProvider,
    audit: new AuditLog(sequelize),
    models: {
      identity: defineIdentityModels(sequelize),
      catalog: defineCatalogModels(sequelize),
      address: defineAddressModel(sequelize),
      order: defineOrderModels(sequelize),
      payment: definePaymentModels(sequelize),
      afterSale: defineAfterSaleModels(sequelize),
      groupbuy: defineGroupbuyModels(sequelize),
      cart: defineCartModel(sequelize),
    },
    idempotency: new Idempotency(sequelize, db),
    scheduler: new Scheduler({ redis, clock, logger }),
    async close() {
      await this.scheduler.stop();
      await this.outbox.stop();
      this.wechatPaySim?.close();
      this.alipayTrades?.close();
      await sequelize.close();
      redis.disconnect();
    },
  };
}

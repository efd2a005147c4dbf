import type { Sequelize } from 'sequelize';
import type { SessionTokens } from '../../../platform/session-tokens';
import type { Clock } from '../../../kernel/clock';
import type { AlipayClient } from '../../../platform/alipay/alipay-client';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import type { Logger } from '../../../platform/logger';
import type { RateLimits } from '../../../platform/rate-limit';
import type { RedisClient } from '../../../platform/redis/redis';
import type { SmsSender } from '../../../platform/sms';
import type { WechatClient } from '../../../platform/wechat/wechat-client';
import type { AuditLog } from '../../../platform/audit/audit-log';
import type { IdentityModels } from '../persistence/models';

/** What the identity use cases need from the outside, given by the composition root. */
export interface IdentityDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  models: IdentityModels;
  tokens: SessionTokens;
  /** login failure counters and the operator state cache */
  redis: RedisClient;
  /** failed-login counters (platform/rate-limit.ts: Redis across instances, memory when embedded) */
  rateLimits: RateLimits;
  clock: Clock;
  wechat: WechatClient;
  alipay: AlipayClient;
  sms: SmsSender;
  audit: AuditLog;
  logger: Logger;
}

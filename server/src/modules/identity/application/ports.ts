import type { Sequelize } from 'sequelize';
import type { SessionTokens } from '../../../http/auth';
import type { Clock } from '../../../kernel/clock';
import type { AlipayClient } from '../../../platform/alipay/alipay-client';
import type { Logger } from '../../../platform/logger';
import type { SmsSender } from '../../../platform/sms';
import type { WechatClient } from '../../../platform/wechat/wechat-client';
import type { AuditLog } from '../../audit';
import type { IdentityModels } from '../persistence/models';

/** What the identity use cases need from the outside, given by the composition root. */
export interface IdentityDeps {
  sequelize: Sequelize;
  models: IdentityModels;
  tokens: SessionTokens;
  clock: Clock;
  wechat: WechatClient;
  alipay: AlipayClient;
  sms: SmsSender;
  audit: AuditLog;
  logger: Logger;
}

import { Op } from 'sequelize';
import type { SmsCodeResponse } from '../../../contracts/auth';
import { PlatformErrors } from '../../../kernel/errors';
import { canSendCode, generateLoginCode, hashLoginCode, LOGIN_CODE } from '../domain/login-code';
import type { IdentityDeps } from './ports';

export async function requestPhoneCode(deps: IdentityDeps, phone: string): Promise<SmsCodeResponse> {
  const { LoginCode } = deps.models;
  const now = deps.clock.now();
  const recent = await LoginCode.findAll({
    where: { phone, createdAt: { [Op.gt]: new Date(now.getTime() - 3_600_000) } },
    order: [['id', 'DESC']],
    attributes: ['createdAt'],
  });
  const decision = canSendCode(
    recent.map((r) => ({ createdAt: r.getDataValue('createdAt') })),
    now,
  );
  if (!decision.ok) throw PlatformErrors.RATE_LIMITED({ retryAfterSec: Math.ceil(decision.retryAfterMs / 1000) });
  const code = generateLoginCode();
  await LoginCode.create({
    phone,
    codeHash: hashLoginCode(phone, code),
    expiresAt: new Date(now.getTime() + LOGIN_CODE.ttlMs),
    createdAt: now,
  });
  const sent = await deps.sms.sendLoginCode(phone, code);
  return { expiresInSec: LOGIN_CODE.ttlMs / 1000, ...sent };
}

/** Deletes codes that expired a day ago or more (the purge-login-codes job). */
export async function purgeExpiredLoginCodes(deps: Pick<IdentityDeps, 'models'>, now: Date): Promise<number> {
  return deps.models.LoginCode.destroy({ where: { expiresAt: { [Op.lt]: new Date(now.getTime() - 86_400_000) } } });
}

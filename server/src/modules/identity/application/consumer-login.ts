import { UniqueConstraintError } from 'sequelize';
import type { ConsumerUser, LoginResponse } from '../../../contracts/auth';
import { invalid, notFound } from '../../../kernel/errors';
import { checkCode, type CheckOutcome } from '../domain/login-code';
import { defaultNickname, type IdentityProvider } from '../domain/profile';
import type { UserAttrs } from '../persistence/models';
import type { IdentityDeps } from './ports';

export function toConsumerUser(u: UserAttrs): ConsumerUser {
  return { id: u.id, nickname: u.nickname, avatar: u.avatar, phone: u.phone };
}

/** The user behind a platform identity, created on first login. Safe under concurrent first logins. */
export async function findOrCreateUser(
  deps: IdentityDeps,
  provider: IdentityProvider,
  subject: string,
  extra: { unionId?: string; phone?: string } = {},
): Promise<UserAttrs> {
  const { User, Identity } = deps.models;
  const existing = await Identity.findOne({ where: { provider, subject } });
  if (existing) {
    const user = await User.findByPk(existing.getDataValue('userId'));
    if (!user) throw notFound('用户');
    return user.get({ plain: true });
  }
  try {
    return await deps.sequelize.transaction(async (transaction) => {
      const user = await User.create(
        { nickname: defaultNickname(provider, subject), avatar: null, phone: extra.phone ?? null },
        { transaction },
      );
      await Identity.create(
        { userId: user.getDataValue('id'), provider, subject, unionId: extra.unionId ?? null },
        { transaction },
      );
      return user.get({ plain: true });
    });
  } catch (e) {
    if (!(e instanceof UniqueConstraintError)) throw e;
    return findOrCreateUser(deps, provider, subject, extra); // a concurrent first login won: use its user
  }
}

function session(deps: IdentityDeps, user: UserAttrs): LoginResponse {
  return { token: deps.tokens.issue({ kind: 'consumer', userId: user.id }), user: toConsumerUser(user) };
}

export async function loginWithWechat(deps: IdentityDeps, code: string): Promise<LoginResponse> {
  const s = await deps.wechat.code2Session(code);
  return session(deps, await findOrCreateUser(deps, 'wechat', s.openid, { unionId: s.unionid }));
}

export async function loginWithAlipay(deps: IdentityDeps, code: string): Promise<LoginResponse> {
  const { userId } = await deps.alipay.exchangeAuthCode(code);
  return session(deps, await findOrCreateUser(deps, 'alipay', userId));
}

const CODE_MESSAGES: Record<Exclude<CheckOutcome, 'OK'>, string> = {
  NO_CODE: '请先获取验证码',
  EXPIRED: '验证码已过期，请重新获取',
  USED: '验证码已使用，请重新获取',
  TOO_MANY_ATTEMPTS: '验证码错误次数过多，请重新获取',
  MISMATCH: '验证码不正确',
};

export async function loginWithPhone(deps: IdentityDeps, phone: string, code: string): Promise<LoginResponse> {
  const { LoginCode, User } = deps.models;
  const now = deps.clock.now();
  const latest = await LoginCode.findOne({ where: { phone }, order: [['id', 'DESC']] });
  const outcome = checkCode(latest?.get({ plain: true }), phone, code, now);
  if (outcome !== 'OK') {
    if (outcome === 'MISMATCH') await latest!.increment('attempts');
    throw invalid(`LOGIN_CODE_${outcome}`, CODE_MESSAGES[outcome]);
  }
  // Consume exactly once, even when two logins race with the same code.
  const [consumed] = await LoginCode.update(
    { consumedAt: now },
    { where: { id: latest!.getDataValue('id'), consumedAt: null } },
  );
  if (consumed !== 1) throw invalid('LOGIN_CODE_USED', CODE_MESSAGES.USED);
  const user = await findOrCreateUser(deps, 'phone', phone, { phone });
  if (user.phone !== phone) await User.update({ phone }, { where: { id: user.id } });
  return session(deps, { ...user, phone });
}

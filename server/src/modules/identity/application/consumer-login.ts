import { Op, UniqueConstraintError } from 'sequelize';
import type { ConsumerUser, LoginResponse } from '../../../contracts/auth';
import { PlatformErrors } from '../../../kernel/errors';
import { checkCode, LOGIN_CODE, type CheckOutcome } from '../domain/login-code';
import { defaultNickname, type IdentityProvider } from '../domain/profile';
import { IdentityErrors } from '../errors';
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
    if (!user) throw PlatformErrors.NOT_FOUND(undefined, '用户不存在');
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

/** A refused code is LOGIN_CODE_<outcome>, each declared in ../errors.ts. */
const refusal = (outcome: Exclude<CheckOutcome, 'OK'>) => IdentityErrors[`LOGIN_CODE_${outcome}`];

/**
 * A phone login. The code is judged in memory, then the verdict is made to stick by one conditional UPDATE of the
 * code's row: a wrong guess counts only while `attempts < maxAttempts` (so however many guesses race, exactly
 * `maxAttempts` are counted and answered MISMATCH; the rest are TOO_MANY_ATTEMPTS), and a right one consumes the code
 * only while it is unused and still under that limit (so it is used once, and never after the fifth wrong guess).
 */
export async function loginWithPhone(deps: IdentityDeps, phone: string, code: string): Promise<LoginResponse> {
  const { LoginCode, User } = deps.models;
  const now = deps.clock.now();
  const latest = await LoginCode.findOne({ where: { phone }, order: [['id', 'DESC']] });
  const outcome = checkCode(latest?.get({ plain: true }), phone, code, now);
  if (outcome !== 'OK' && outcome !== 'MISMATCH') throw refusal(outcome)();
  const live = {
    id: latest!.getDataValue('id'),
    consumedAt: null,
    attempts: { [Op.lt]: LOGIN_CODE.maxAttempts },
  };
  if (outcome === 'MISMATCH') {
    const [counted] = await LoginCode.update(
      { attempts: deps.sequelize.literal('attempts + 1') as never },
      { where: live },
    );
    throw counted === 1 ? IdentityErrors.LOGIN_CODE_MISMATCH() : await lateRefusal(deps, latest!.getDataValue('id'));
  }
  const [consumed] = await LoginCode.update({ consumedAt: now }, { where: live });
  if (consumed !== 1) throw await lateRefusal(deps, latest!.getDataValue('id'));
  const user = await findOrCreateUser(deps, 'phone', phone, { phone });
  if (user.phone !== phone) await User.update({ phone }, { where: { id: user.id } });
  return session(deps, { ...user, phone });
}

/** Why a racing guess lost: the code was used meanwhile, or its attempts ran out. */
async function lateRefusal(deps: IdentityDeps, codeId: number) {
  const row = await deps.models.LoginCode.findByPk(codeId, { attributes: ['consumedAt'] });
  return row?.getDataValue('consumedAt')
    ? IdentityErrors.LOGIN_CODE_USED()
    : IdentityErrors.LOGIN_CODE_TOO_MANY_ATTEMPTS();
}

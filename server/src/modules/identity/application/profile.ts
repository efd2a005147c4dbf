import type { ConsumerUser } from '../../../contracts/auth';
import { PlatformErrors } from '../../../kernel/errors';
import { toConsumerUser } from './consumer-login';
import type { IdentityDeps } from './ports';

export async function getConsumer(deps: Pick<IdentityDeps, 'models'>, userId: number): Promise<ConsumerUser> {
  const user = await deps.models.User.findByPk(userId);
  if (!user) throw PlatformErrors.UNAUTHENTICATED(undefined, '账号不存在，请重新登录');
  return toConsumerUser(user.get({ plain: true }));
}

export async function updateProfile(
  deps: Pick<IdentityDeps, 'models'>,
  userId: number,
  patch: { nickname?: string; avatar?: string | null },
): Promise<ConsumerUser> {
  const user = await deps.models.User.findByPk(userId);
  if (!user) throw PlatformErrors.UNAUTHENTICATED(undefined, '账号不存在，请重新登录');
  await user.update(patch);
  return toConsumerUser(user.get({ plain: true }));
}

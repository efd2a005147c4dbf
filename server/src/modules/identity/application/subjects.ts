import type { IdentityProvider } from '../domain/profile';
import type { IdentityModels } from '../persistence/models';

/** The user's id on a platform (WeChat openid, Alipay user id), or null if they never signed in there. */
export async function subjectOf(models: IdentityModels, userId: number, provider: IdentityProvider) {
  const row = await models.Identity.findOne({ where: { userId, provider } });
  return row?.getDataValue('subject') ?? null;
}

/** Public faces (nickname, avatar) of users, for group pages and member lists. */
export async function userProfiles(models: IdentityModels, userIds: number[]) {
  // raw rows: every group page and seat reads its members' names
  const rows = userIds.length
    ? ((await models.User.findAll({
        where: { id: userIds },
        attributes: ['id', 'nickname', 'avatar'],
        raw: true,
      })) as unknown as { id: number; nickname: string; avatar: string | null }[])
    : [];
  return new Map(rows.map((r) => [r.id, { nickname: r.nickname, avatar: r.avatar ?? null }]));
}

/** `13800138000` → `138****8000`: enough for an operator to tell buyers apart, never the whole number. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 8 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '*'.repeat(phone.length);
}

/** Buyers as an operator's list names them: nickname and masked phone (the full number stays here). */
export async function buyerLabels(models: IdentityModels, userIds: number[]) {
  const rows = userIds.length
    ? await models.User.findAll({ where: { id: userIds }, attributes: ['id', 'nickname', 'phone'] })
    : [];
  return new Map(
    rows.map((r) => [
      r.getDataValue('id'),
      { nickname: r.getDataValue('nickname'), maskedPhone: maskPhone(r.getDataValue('phone')) },
    ]),
  );
}

/** Operators' usernames by id (the audit log shows who did what). */
export async function operatorNames(models: IdentityModels, ids: number[]): Promise<Map<number, string>> {
  const rows = ids.length ? await models.Operator.findAll({ where: { id: ids }, attributes: ['id', 'username'] }) : [];
  return new Map(rows.map((r) => [r.getDataValue('id'), r.getDataValue('username')]));
}

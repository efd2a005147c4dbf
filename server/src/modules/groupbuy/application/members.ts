// Moving groups and members: every status write goes through `moveStatus` with the declared lifecycles, and the
// per-user quotas a seat holds are taken and given back here, in the order's transaction.
import type { Transaction } from 'sequelize';
import { moveStatus } from '../../../platform/db/status-move';
import { GROUP_LIFECYCLE, MEMBER_LIFECYCLE, type GroupStatus, type MemberStatus } from '../domain/group-lifecycle';
import { GroupbuyErrors } from '../errors';
import type { CampaignAttrs, GroupAttrs, MemberAttrs } from '../persistence/models';
import type { GroupbuyDeps } from './ports';

export async function moveGroup(
  deps: GroupbuyDeps,
  t: Transaction,
  groupId: number,
  from: GroupStatus | readonly GroupStatus[],
  to: GroupStatus,
  patch: Partial<Omit<GroupAttrs, 'status'>> = {},
): Promise<boolean> {
  deps.groupPages.changes(t, groupId);
  return (await moveStatus(t, deps.models.Group, GROUP_LIFECYCLE, { id: groupId }, from, to, patch)) === 1;
}

export async function moveMember(
  deps: GroupbuyDeps,
  t: Transaction,
  memberId: number,
  from: MemberStatus,
  to: MemberStatus,
  patch: Partial<Omit<MemberAttrs, 'status'>> = {},
): Promise<boolean> {
  return (await moveStatus(t, deps.models.Member, MEMBER_LIFECYCLE, { id: memberId }, from, to, patch)) === 1;
}

/**
 * The quotas a seat in this campaign holds: the per-user limit, and "one new-user order at a time", each with the
 * error (and its precise message) that refuses a seat when the quota is used up.
 */
export function seatQuotas(c: Pick<CampaignAttrs, 'id' | 'perUserLimit' | 'newUsersOnly'>, userId: number) {
  const quotas: {
    key: string;
    limit: number;
    refusal: typeof GroupbuyErrors.GROUPBUY_LIMIT_REACHED | typeof GroupbuyErrors.GROUPBUY_NEW_USERS_ONLY;
    message: string;
  }[] = [];
  if (c.perUserLimit > 0)
    quotas.push({
      key: `groupbuy:${c.id}:user:${userId}`,
      limit: c.perUserLimit,
      refusal: GroupbuyErrors.GROUPBUY_LIMIT_REACHED,
      message: `每人限参团 ${c.perUserLimit} 次`,
    });
  if (c.newUsersOnly)
    quotas.push({
      key: `new-user-order:${userId}`,
      limit: 1,
      refusal: GroupbuyErrors.GROUPBUY_NEW_USERS_ONLY,
      message: '该拼团仅限新用户参加，且新用户同一时间只能有一笔拼团订单',
    });
  return quotas;
}

/** A seat was given up (cancelled before payment, or refunded): its quotas return. */
export async function releaseSeatQuotas(deps: GroupbuyDeps, t: Transaction, campaignId: number, userId: number) {
  const c = await deps.models.Campaign.findByPk(campaignId, { transaction: t });
  if (!c) return;
  for (const q of seatQuotas(c.get({ plain: true }), userId)) await deps.quotas.release(t, q.key);
}

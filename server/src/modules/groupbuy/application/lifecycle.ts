// What happens to a group as its members' orders move (order events, in the order's transaction): a payment
// confirms a seat (the leader's opens the group and starts its clock; the last one completes it), a cancelled
// order frees its seat, a refunded member leaves and a refunded leader passes leadership on. Every handler takes
// the group's row lock, so counts never drift.
import { Op, type Transaction } from 'sequelize';
import type { OrderEvents } from '../../order';
import { inTransaction } from '../../../platform/db/transaction';
import { afterMemberPaid, nextLeader } from '../domain/rules';
import type { GroupAttrs } from '../persistence/models';
import { moveGroup, moveMember, releaseSeatQuotas } from './members';
import type { GroupbuyDeps } from './ports';

export const REFUND_STRAY_MEMBER = 'groupbuy.refund-stray-member';
export const CANCEL_UNPAID_MEMBER = 'groupbuy.cancel-unpaid-member';

/** Locks a group to change it (so its public page reloads once `t` commits). */
export async function lockGroup(deps: GroupbuyDeps, t: Transaction, groupId: number): Promise<GroupAttrs> {
  deps.groupPages.changes(t, groupId);
  const row = await deps.models.Group.findByPk(groupId, {
    transaction: t,
    lock: deps.db.rowLocks ? t.LOCK.UPDATE : undefined,
  });
  return row!.get({ plain: true });
}

async function memberOf(deps: GroupbuyDeps, t: Transaction, orderId: number) {
  const row = await deps.models.Member.findOne({ where: { orderId }, transaction: t });
  return row?.get({ plain: true });
}

/** Everyone whose seat is paid moves on to shipping; everyone is told. */
export async function completeGroup(deps: GroupbuyDeps, t: Transaction, g: GroupAttrs, virtual: boolean) {
  const now = deps.clock.now();
  await moveGroup(deps, t, g.id, 'open', 'succeeded', {
    closedAt: now,
    virtualCompleted: virtual,
    closeReason: virtual ? 'virtual_completion' : 'full',
  });
  const paid = (await deps.models.Member.findAll({ where: { groupId: g.id, status: 'paid' }, transaction: t })).map(
    (m) => m.get({ plain: true }),
  );
  await deps.orders.releaseAwaiting(
    t,
    paid.map((m) => m.orderId),
  );
  const title = (await deps.models.Campaign.findByPk(g.campaignId, { transaction: t }))!.getDataValue('title');
  for (const m of paid) {
    await deps.notify(
      t,
      m.userId,
      'group_succeeded',
      { title, size: g.size, code: g.code },
      `group_succeeded:${g.id}:${m.userId}`,
    );
  }
}

/** order.paid: the member's seat is confirmed; the leader's payment opens the group, the last one completes it. */
export async function memberPaid(deps: GroupbuyDeps, t: Transaction, e: OrderEvents['order.paid']) {
  const member = await memberOf(deps, t, e.orderId);
  if (!member) return;
  const g = await lockGroup(deps, t, member.groupId);
  await moveMember(deps, t, member.id, 'reserved', 'paid', { paidAt: deps.clock.now() });
  if (g.status !== 'pending' && g.status !== 'open') {
    // the group closed while this payment was on its way: the seat is gone, the money goes back
    await deps.outbox.enqueue(
      t,
      REFUND_STRAY_MEMBER,
      { orderId: e.orderId },
      { dedupeKey: `${REFUND_STRAY_MEMBER}:${e.orderId}` },
    );
    return;
  }
  const effect = afterMemberPaid(g, !!member.isLeader);
  await deps.models.Group.update({ paidCount: effect.paidCount }, { where: { id: g.id }, transaction: t });
  if (effect.open) {
    const campaign = (await deps.models.Campaign.findByPk(g.campaignId, { transaction: t }))!.get({ plain: true });
    const now = deps.clock.now();
    await moveGroup(deps, t, g.id, 'pending', 'open', {
      openedAt: now,
      expiresAt: new Date(now.getTime() + campaign.validityHours * 3_600_000),
    });
  }
  if (effect.complete) await completeGroup(deps, t, { ...g, status: 'open', paidCount: effect.paidCount }, false);
}

/** order.cancelled: an unpaid seat is released (and a pending group whose leader never paid fails). */
export async function memberCancelled(deps: GroupbuyDeps, t: Transaction, e: OrderEvents['order.cancelled']) {
  const member = await memberOf(deps, t, e.orderId);
  if (!member || member.status !== 'reserved') return;
  const g = await lockGroup(deps, t, member.groupId);
  await moveMember(deps, t, member.id, 'reserved', 'released', { holderUserId: null });
  await releaseSeatQuotas(deps, t, member.campaignId, member.userId);
  await deps.models.Group.update(
    { seatsTaken: deps.sequelize.literal('seats_taken - 1') as never },
    { where: { id: g.id, seatsTaken: { [Op.gt]: 0 } }, transaction: t },
  );
  if (g.status === 'pending' && member.isLeader)
    await moveGroup(deps, t, g.id, 'pending', 'failed', { closedAt: deps.clock.now(), closeReason: 'leader_unpaid' });
}

/** order.refunded (whole): the member leaves; a leader leaving an open group hands leadership on. */
export async function memberRefunded(deps: GroupbuyDeps, t: Transaction, e: OrderEvents['order.refunded']) {
  if (!e.whole) return;
  const member = await memberOf(deps, t, e.orderId);
  if (!member || member.status !== 'paid') return;
  const g = await lockGroup(deps, t, member.groupId);
  await moveMember(deps, t, member.id, 'paid', 'refunded', { holderUserId: null, isLeader: false });
  await releaseSeatQuotas(deps, t, member.campaignId, member.userId);
  if (g.status !== 'open') return; // a failed group's refunds just close the seat
  await deps.models.Group.update(
    {
      seatsTaken: deps.sequelize.literal('seats_taken - 1') as never,
      paidCount: deps.sequelize.literal('paid_count - 1') as never,
    },
    { where: { id: g.id }, transaction: t },
  );
  if (!member.isLeader) return;
  // the leader left an open group: the earliest paid member leads on, and the expiry stays as it was
  const members = (await deps.models.Member.findAll({ where: { groupId: g.id }, transaction: t })).map((m) =>
    m.get({ plain: true }),
  );
  const heir = nextLeader(members, member.userId);
  if (heir) {
    await deps.models.Member.update({ isLeader: true }, { where: { id: heir.id }, transaction: t });
    await deps.models.Group.update({ leaderUserId: heir.userId }, { where: { id: g.id }, transaction: t });
  }
}

/** Outbox: a payment that reached a closed group is refunded (its order first waits in awaiting_group). */
export async function refundStrayMember(deps: GroupbuyDeps, orderId: number) {
  await inTransaction(deps.sequelize, deps.db, (t) => deps.refundWholeOrder(t, orderId));
}

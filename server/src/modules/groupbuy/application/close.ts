// Closing groups: the close-expired-groups job and the operator's manual close share one path. Each group is
// closed in its own transaction under its row lock, from `open` only, so a re-run (another instance, a crash
// half-way, a retry) never closes a group twice: a failed group's refunds are recorded exactly once, with their
// outbox messages, and the outbox retries them until the channel confirms. Unpaid seats are cancelled through
// the ordinary order cancel (which closes the channel order first), also via the outbox.
import { Op, type Transaction } from 'sequelize';
import type { OperatorRef } from '../../../platform/audit/audit-log';
import { inTransaction } from '../../../platform/db/transaction';
import { decideExpiry } from '../domain/rules';
import type { GroupAttrs } from '../persistence/models';
import { CANCEL_UNPAID_MEMBER, completeGroup, lockGroup } from './lifecycle';
import { moveGroup } from './members';
import type { GroupbuyDeps } from './ports';

export type CloseResult = 'succeeded_virtually' | 'failed' | 'not_open';

/** Closes one group: `operator` set means an operator's manual close (audited), otherwise expiry. */
export async function closeGroup(
  deps: GroupbuyDeps,
  groupId: number,
  by: { operator?: OperatorRef } = {},
): Promise<CloseResult> {
  const reason = by.operator ? 'operator' : 'expired';
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const g = await lockGroup(deps, t, groupId);
    if (g.status !== 'open' && g.status !== 'pending') return 'not_open';
    const result = await decideAndClose(deps, t, g, reason);
    if (by.operator) {
      const after = await lockGroup(deps, t, groupId);
      await deps.audit.record(t, by.operator, {
        action: 'groupbuy.group.close',
        entity: 'groupbuy_group',
        entityId: g.code,
        before: groupFacts(g),
        after: { ...groupFacts(after), result },
      });
    }
    return result;
  });
}

const groupFacts = (g: GroupAttrs) => ({
  id: g.id,
  status: g.status,
  seatsTaken: g.seatsTaken,
  paidCount: g.paidCount,
  closeReason: g.closeReason ?? null,
});

async function decideAndClose(
  deps: GroupbuyDeps,
  t: Transaction,
  g: GroupAttrs,
  reason: 'expired' | 'operator',
): Promise<CloseResult> {
  const groupId = g.id;
  const campaign = (await deps.models.Campaign.findByPk(g.campaignId, { transaction: t }))!.get({ plain: true });
  const members = (await deps.models.Member.findAll({ where: { groupId }, transaction: t })).map((m) =>
    m.get({ plain: true }),
  );
  for (const m of members.filter((x) => x.status === 'reserved')) {
    await deps.outbox.enqueue(
      t,
      CANCEL_UNPAID_MEMBER,
      { orderId: m.orderId },
      { dedupeKey: `${CANCEL_UNPAID_MEMBER}:${m.orderId}` },
    );
  }
  const decision =
    g.status === 'open'
      ? decideExpiry(g, { enabled: !!campaign.virtualCompletion, thresholdPct: campaign.virtualThresholdPct })
      : 'failed';
  if (decision === 'succeeded_virtually') {
    await completeGroup(deps, t, g, true);
    return decision;
  }
  await moveGroup(deps, t, g.id, g.status, 'failed', { closedAt: deps.clock.now(), closeReason: reason });
  for (const m of members.filter((x) => x.status === 'paid')) {
    const { amountFen } = await deps.refundWholeOrder(t, m.orderId);
    await deps.notify(
      t,
      m.userId,
      'group_failed',
      { title: campaign.title, amountFen, code: g.code },
      `group_failed:${g.id}:${m.userId}`,
    );
  }
  return decision;
}

/** The close-expired-groups job (every minute, once across instances). */
export async function closeExpiredGroups(
  deps: GroupbuyDeps,
  now: Date,
): Promise<{ succeeded: number; failed: number }> {
  const due = await deps.models.Group.findAll({
    where: { status: 'open', expiresAt: { [Op.lte]: now } },
    attributes: ['id'],
    order: [['expiresAt', 'ASC']],
    limit: 500,
  });
  const result = { succeeded: 0, failed: 0 };
  for (const row of due) {
    try {
      const r = await closeGroup(deps, row.getDataValue('id'));
      if (r === 'succeeded_virtually') result.succeeded++;
      if (r === 'failed') result.failed++;
    } catch (err) {
      // one group's trouble must not stop the others; it stays open and the next run tries again
      deps.logger.error({ err, groupId: row.getDataValue('id') }, 'could not close an expired group');
    }
  }
  return result;
}

/** Outbox: an unpaid seat of a closed group is cancelled like any unpaid order (channel closed first). */
export async function cancelUnpaidMember(deps: GroupbuyDeps, orderId: number) {
  // an order that was paid or moved on meanwhile is left alone: its payment event handles it
  await deps.orders.cancel(orderId, 'group_closed', { ifUnpaid: true });
}

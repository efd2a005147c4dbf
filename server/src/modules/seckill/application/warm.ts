// Pre-warm and reconciliation: Redis counters computed from the database (and the log), under the writer's lock.
// Warm loads an item that is not in Redis (before its session opens, at start-up, after a Redis restart);
// repair overwrites a drifted one. Both leave exactly: stock = db remaining − units queued in the log.
import { Op } from 'sequelize';
import type { z } from 'zod';
import type { SeckillReconciliation } from '../../../contracts/seckill';
import type { OperatorRef } from '../../../platform/audit/audit-log';
import { inTransaction } from '../../../platform/db/transaction';
import { isWarmWindow, PREWARM_LEAD_MS, sessionStatus } from '../domain/sessions';
import { SeckillErrors } from '../errors';
import type { ItemAttrs, SessionAttrs } from '../persistence/models';
import { itemFigures } from './figures';
import type { SeckillDeps } from './ports';
import { underWriterLock } from './writer-lock';

type Reconciliation = z.input<typeof SeckillReconciliation>;

export async function loadItem(deps: SeckillDeps, itemId: number) {
  const item = await deps.models.Item.findByPk(itemId);
  if (!item) throw SeckillErrors.ITEM_NOT_FOUND();
  const session = await deps.models.Session.findByPk(item.getDataValue('sessionId'));
  return { item: item.get({ plain: true }), session: session!.get({ plain: true }) };
}

async function syncFromDatabase(deps: SeckillDeps, mode: 'warm' | 'repair', item: ItemAttrs, session: SessionAttrs) {
  const figures = await itemFigures(deps, undefined, item);
  const synced = await deps.counters.sync(mode, session.id, item.id, {
    startMs: session.startAt.getTime(),
    endMs: session.endAt.getTime(),
    limit: item.perUserLimit,
    remaining: figures.remaining,
    users: figures.users,
    returnedAttempts: figures.returnedAttempts,
  });
  if (synced.synced && synced.after > 0) await deps.soldOut.unitsReturned(item.id);
  return { figures, synced };
}

/**
 * Loads one item's counters if they are not in Redis. An item whose session is not in its warm window (or is
 * settled) is not warmed: SESSION_NOT_OPEN.
 */
export async function warmItem(deps: SeckillDeps, itemId: number): Promise<void> {
  const { item, session } = await loadItem(deps, itemId);
  if (session.settledAt || !isWarmWindow(session, deps.clock.now())) throw SeckillErrors.SESSION_NOT_OPEN();
  await underWriterLock(deps, async () => {
    const { synced } = await syncFromDatabase(deps, 'warm', item, session);
    if (synced.synced) deps.logger.info({ itemId, remaining: synced.after }, 'seckill item warmed');
  });
}

/** The pre-warm job (and start-up): every item of a session opening within five minutes or open now. */
export async function prewarmDue(deps: SeckillDeps, now: Date): Promise<{ warmed: number }> {
  const sessions = await deps.models.Session.findAll({
    where: {
      settledAt: null,
      startAt: { [Op.lte]: new Date(now.getTime() + PREWARM_LEAD_MS) },
      endAt: { [Op.gt]: now },
    },
  });
  let warmed = 0;
  for (const s of sessions) {
    const items = await deps.models.Item.findAll({ where: { sessionId: s.getDataValue('id') } });
    for (const i of items) {
      await warmItem(deps, i.getDataValue('id'));
      warmed++;
    }
  }
  return { warmed };
}

/**
 * Compares one warm item's Redis counter with the database (remaining − queued in the log) and, with `repair`,
 * sets it right. Read under the writer's lock, so no attempt moves between the log and the database meanwhile.
 */
export async function reconcileItem(
  deps: SeckillDeps,
  itemId: number,
  opts: { repair: boolean; by?: OperatorRef },
): Promise<Reconciliation> {
  const { item, session } = await loadItem(deps, itemId);
  return underWriterLock(deps, async () => {
    const figures = await itemFigures(deps, undefined, item);
    const peek = await deps.counters.peek(session.id, item.id);
    const queued = peek.log.reduce((s, e) => s + e.quantity, 0);
    const expected = Math.max(0, figures.remaining - queued);
    const drift = peek.remaining === null ? 0 : peek.remaining - expected;
    const report = { itemId, expectedRemaining: expected, redisRemaining: peek.remaining, queued, drift };
    if (!opts.repair || drift === 0 || peek.remaining === null) return { ...report, repaired: false };
    const { synced } = await syncFromDatabase(deps, 'repair', item, session);
    deps.logger.warn({ ...report, after: synced.synced ? synced.after : null }, 'seckill counter repaired');
    if (opts.by) {
      const by = opts.by;
      await inTransaction(deps.sequelize, deps.db, (t) =>
        deps.audit.record(t, by, {
          action: 'seckill.repair',
          entity: 'seckill_item',
          entityId: itemId,
          before: { redisRemaining: peek.remaining },
          after: { redisRemaining: expected },
        }),
      );
    }
    return { ...report, repaired: true };
  });
}

/** The reconcile-seckill-stock job: every warm item of an open or upcoming session, repaired where it drifted. */
export async function reconcileAll(deps: SeckillDeps, now: Date): Promise<{ checked: number; repaired: number }> {
  let checked = 0;
  let repaired = 0;
  for (const member of await deps.counters.warmItems()) {
    const itemId = Number(member.split(':')[1]);
    const found = await deps.models.Item.findByPk(itemId);
    if (!found) continue;
    const session = await deps.models.Session.findByPk(found.getDataValue('sessionId'));
    if (!session || sessionStatus(session.get({ plain: true }), now) === 'ended') continue;
    const r = await reconcileItem(deps, itemId, { repair: true });
    checked++;
    if (r.repaired) repaired++;
  }
  return { checked, repaired };
}

// 提醒我: a shopper asks to be told when an item's session opens (only while it is still to come). The job
// `remind-seckill` queues each due reminder's WeChat subscribe message once (the row is claimed by a conditional
// UPDATE in the same transaction as the outbox entry), two minutes before the start or as soon as it runs after.
import { Op, UniqueConstraintError } from 'sequelize';
import { formatDateTime } from '../../../contracts/display/time';
import { inTransaction } from '../../../platform/db/transaction';
import { sessionStatus } from '../domain/sessions';
import { SeckillErrors } from '../errors';
import type { SeckillDeps } from './ports';

/** how long before the start a reminder is sent (the job runs every minute) */
export const REMIND_LEAD_MS = 2 * 60_000;
const BATCH = 500;

export async function remind(deps: SeckillDeps, userId: number, itemId: number) {
  const item = (await deps.models.Item.findByPk(itemId))?.get({ plain: true });
  if (!item) throw SeckillErrors.ITEM_NOT_FOUND();
  const session = (await deps.models.Session.findByPk(item.sessionId))!.get({ plain: true });
  if (sessionStatus(session, deps.clock.now()) !== 'upcoming') throw SeckillErrors.REMINDER_CLOSED();
  try {
    await deps.models.Reminder.create({ itemId, userId, remindAt: session.startAt, sentAt: null });
  } catch (err) {
    if (!(err instanceof UniqueConstraintError)) throw err; // asked twice: one reminder
  }
  return { itemId, remindAt: session.startAt.toISOString() };
}

/** Cancels a reminder not yet sent; whether there was one. */
export async function forget(deps: SeckillDeps, userId: number, itemId: number) {
  const removed = await deps.models.Reminder.destroy({ where: { itemId, userId, sentAt: null } });
  return { itemId, removed: removed > 0 };
}

/** The items this shopper asked to be reminded of (still to send), and the template the client asks consent for. */
export async function myReminders(deps: SeckillDeps, userId: number, templateId: string) {
  const rows = await deps.models.Reminder.findAll({
    where: { userId, sentAt: null, remindAt: { [Op.gt]: deps.clock.now() } },
    attributes: ['itemId'],
    order: [['itemId', 'ASC']],
  });
  return { itemIds: rows.map((r) => r.getDataValue('itemId')), templateId };
}

/** Queues the notices of reminders now due; the number queued. Reminders of sessions already over are dropped. */
export async function sendDueReminders(deps: SeckillDeps, now: Date): Promise<number> {
  const due = await deps.models.Reminder.findAll({
    where: { sentAt: null, remindAt: { [Op.lte]: new Date(now.getTime() + REMIND_LEAD_MS) } },
    order: [['id', 'ASC']],
    limit: BATCH,
  });
  if (!due.length) return 0;
  const items = new Map(
    (await deps.models.Item.findAll({ where: { id: [...new Set(due.map((r) => r.getDataValue('itemId')))] } })).map(
      (i) => [i.getDataValue('id'), i.get({ plain: true })],
    ),
  );
  const sessions = new Map(
    (
      await deps.models.Session.findAll({ where: { id: [...new Set([...items.values()].map((i) => i.sessionId))] } })
    ).map((s) => [s.getDataValue('id'), s.get({ plain: true })]),
  );
  const titles = await deps.catalog.skuSnapshots(
    undefined,
    [...items.values()].map((i) => i.skuId),
  );
  let queued = 0;
  for (const r of due.map((d) => d.get({ plain: true }))) {
    const item = items.get(r.itemId)!;
    const session = sessions.get(item.sessionId)!;
    const over = session.endAt.getTime() <= now.getTime();
    await inTransaction(deps.sequelize, deps.db, async (t) => {
      // the claim: another instance's job that took this reminder first changed the row, and this one skips it
      const [claimed] = await deps.models.Reminder.update(
        { sentAt: now },
        { where: { id: r.id, sentAt: null }, transaction: t },
      );
      if (claimed !== 1 || over) return;
      await deps.notify(
        t,
        r.userId,
        'seckill_starting',
        {
          title: titles.get(item.skuId)?.title ?? '秒杀商品',
          startsAt: formatDateTime(session.startAt.toISOString()).slice(0, 16),
          priceFen: item.priceFen,
          itemId: item.id,
          sessionId: item.sessionId,
        },
        `seckill-reminder:${r.id}`,
      );
      queued++;
    });
  }
  return queued;
}

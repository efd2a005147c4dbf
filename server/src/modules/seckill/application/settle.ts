// A session's end: the logs of its items are drained (every accepted attempt becomes an order or fails), then each
// item's unsold units go back to its SKU and the session is marked settled; its Redis counters go. Units of
// orders still unpaid at the end come back to the SKU when those orders cancel (returns.ts).
import { Op } from 'sequelize';
import { inTransaction } from '../../../platform/db/transaction';
import { itemFigures } from './figures';
import type { SeckillDeps } from './ports';
import { drainItem } from './writer';
import { underWriterLock } from './writer-lock';

export async function settleEndedSessions(deps: SeckillDeps, now: Date): Promise<{ settled: number }> {
  const due = await deps.models.Session.findAll({ where: { settledAt: null, endAt: { [Op.lte]: now } }, limit: 50 });
  let settled = 0;
  for (const s of due) {
    const sessionId = s.getDataValue('id');
    const items = await deps.models.Item.findAll({ where: { sessionId }, attributes: ['id'] });
    await underWriterLock(deps, async () => {
      for (const i of items) await drainItem(deps, sessionId, i.getDataValue('id'));
      await inTransaction(deps.sequelize, deps.db, async (t) => {
        for (const i of items) {
          const item = await deps.models.Item.findByPk(i.getDataValue('id'), {
            transaction: t,
            lock: deps.db.rowLocks ? t.LOCK.UPDATE : undefined,
          });
          const plain = item!.get({ plain: true });
          const { remaining } = await itemFigures(deps, t, plain);
          if (remaining > 0) {
            await deps.catalog.releaseStock(t, [{ skuId: plain.skuId, quantity: remaining }]);
            await item!.increment('returned', { by: remaining, transaction: t });
          }
        }
        await deps.models.Session.update(
          { settledAt: now },
          { where: { id: sessionId, settledAt: null }, transaction: t },
        );
      });
    });
    for (const i of items) await deps.counters.drop(sessionId, i.getDataValue('id'));
    settled++;
  }
  return { settled };
}

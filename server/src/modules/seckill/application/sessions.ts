// Operators' sessions and items, and the shop's read of them. An item's stock is moved out of its SKU when it is
// created (STOCK_INSUFFICIENT when the SKU lacks it), in the same transaction as the item and its audit entry.
import { Op, UniqueConstraintError } from 'sequelize';
import type { z } from 'zod';
import type {
  SeckillItemInput,
  SeckillOfferList,
  SeckillSessionInput,
  SeckillSessionList,
  SeckillShopItemList,
} from '../../../contracts/seckill';
import type { OperatorRef } from '../../../platform/audit/audit-log';
import { inTransaction } from '../../../platform/db/transaction';
import { isWarmWindow, sessionStatus, sessionWindowProblem } from '../domain/sessions';
import { SeckillErrors } from '../errors';
import type { SessionAttrs } from '../persistence/models';
import { itemFigures } from './figures';
import type { SeckillDeps } from './ports';
import { warmItem } from './warm';

/** The same window again answers the existing session (api-contract.md). */
export async function createSession(
  deps: SeckillDeps,
  by: OperatorRef,
  input: z.output<typeof SeckillSessionInput>,
): Promise<{ id: number }> {
  const problem = sessionWindowProblem(input);
  if (problem) throw SeckillErrors.INVALID_SESSION({ problem });
  const existing = await deps.models.Session.findOne({ where: { startAt: input.startAt, endAt: input.endAt } });
  if (existing) return { id: existing.getDataValue('id') };
  try {
    return await inTransaction(deps.sequelize, deps.db, async (t) => {
      const s = await deps.models.Session.create({ startAt: input.startAt, endAt: input.endAt }, { transaction: t });
      const id = s.getDataValue('id');
      await deps.audit.record(t, by, {
        action: 'seckill.session.create',
        entity: 'seckill_session',
        entityId: id,
        before: null,
        after: { startAt: input.startAt.toISOString(), endAt: input.endAt.toISOString() },
      });
      return { id };
    });
  } catch (err) {
    if (!(err instanceof UniqueConstraintError)) throw err;
    const raced = await deps.models.Session.findOne({ where: { startAt: input.startAt, endAt: input.endAt } });
    return { id: raced!.getDataValue('id') };
  }
}

export async function addItem(
  deps: SeckillDeps,
  by: OperatorRef,
  sessionId: number,
  input: z.output<typeof SeckillItemInput>,
): Promise<{ id: number }> {
  const session = (await deps.models.Session.findByPk(sessionId))?.get({ plain: true });
  if (!session) throw SeckillErrors.SESSION_NOT_FOUND();
  if (session.settledAt || sessionStatus(session, deps.clock.now()) === 'ended') throw SeckillErrors.SESSION_ENDED();
  const sku = (await deps.catalog.skuSnapshots(undefined, [input.skuId])).get(input.skuId);
  if (!sku) throw SeckillErrors.ITEM_NOT_FOUND(undefined, '规格不存在');
  const id = await inTransaction(deps.sequelize, deps.db, async (t) => {
    let item;
    try {
      item = await deps.models.Item.create(
        {
          sessionId,
          skuId: input.skuId,
          productId: sku.productId,
          priceFen: input.priceFen,
          stock: input.stock,
          perUserLimit: input.perUserLimit,
        },
        { transaction: t },
      );
    } catch (err) {
      if (err instanceof UniqueConstraintError) throw SeckillErrors.ITEM_EXISTS();
      throw err;
    }
    await deps.catalog.reserveStock(t, [{ skuId: input.skuId, quantity: input.stock }]);
    await deps.audit.record(t, by, {
      action: 'seckill.item.create',
      entity: 'seckill_item',
      entityId: item.getDataValue('id'),
      before: null,
      after: { sessionId, ...input },
    });
    return item.getDataValue('id');
  });
  // an item added to a session already in its warm window is loaded now
  if (isWarmWindow(session, deps.clock.now())) await warmItem(deps, id);
  return { id };
}

const sessionView = (s: SessionAttrs, now: Date) => ({
  id: s.id,
  startAt: s.startAt.toISOString(),
  endAt: s.endAt.toISOString(),
  status: sessionStatus(s, now),
});

/** Sessions from the start of yesterday on (the shop's tabs and the admin calendar), in time order. */
export async function listSessions(deps: SeckillDeps, from?: Date): Promise<z.input<typeof SeckillSessionList>> {
  const now = deps.clock.now();
  const since = from ?? new Date(now.getTime() - 24 * 3_600_000);
  const rows = await deps.models.Session.findAll({
    where: { endAt: { [Op.gt]: since } },
    order: [['startAt', 'ASC']],
    limit: 100,
  });
  return { items: rows.map((r) => sessionView(r.get({ plain: true }), now)), now: now.toISOString() };
}

/** The product's items in sessions not yet ended, soonest first (at most the next three sessions). */
export async function productOffers(deps: SeckillDeps, productId: number): Promise<z.input<typeof SeckillOfferList>> {
  const now = deps.clock.now();
  const sessions = await deps.models.Session.findAll({
    where: { endAt: { [Op.gt]: now }, settledAt: null },
    order: [['startAt', 'ASC']],
    limit: 3,
  });
  const items = [];
  for (const s of sessions) {
    const session = s.get({ plain: true });
    const mine = (await sessionItems(deps, session.id)).items.filter((i) => i.productId === productId);
    items.push(...mine.map((i) => ({ ...i, session: sessionView(session, now) })));
  }
  return { items, now: now.toISOString() };
}

/** A session with its items in order and their SKUs' facts (the shop's and the console's lists read it). */
export async function sessionWithItems(deps: SeckillDeps, sessionId: number) {
  const session = (await deps.models.Session.findByPk(sessionId))?.get({ plain: true });
  if (!session) throw SeckillErrors.SESSION_NOT_FOUND();
  const items = (await deps.models.Item.findAll({ where: { sessionId }, order: [['id', 'ASC']] })).map((i) =>
    i.get({ plain: true }),
  );
  const skus = await deps.catalog.skuSnapshots(
    undefined,
    items.map((i) => i.skuId),
  );
  return { session, items, skus };
}

export async function sessionItems(deps: SeckillDeps, sessionId: number): Promise<z.input<typeof SeckillShopItemList>> {
  const { session, items, skus } = await sessionWithItems(deps, sessionId);
  const out = [];
  for (const item of items) {
    const sku = skus.get(item.skuId);
    const peek = await deps.counters.peek(sessionId, item.id);
    const remaining = peek.remaining ?? (await itemFigures(deps, undefined, item)).remaining;
    out.push({
      id: item.id,
      sessionId,
      skuId: item.skuId,
      productId: item.productId,
      title: sku?.title ?? '',
      image: sku?.image ?? null,
      priceFen: item.priceFen,
      originalPriceFen: sku?.priceFen ?? item.priceFen,
      perUserLimit: item.perUserLimit,
      stock: item.stock,
      remaining: sessionStatus(session, deps.clock.now()) === 'ended' ? 0 : remaining,
    });
  }
  return { items: out };
}

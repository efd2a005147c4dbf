// The console's read of items: the database figures (sold, reserved, remaining) beside Redis's live counter, so
// an operator sees a drift before reconciliation repairs it.
import type { z } from 'zod';
import type { AdminSeckillItemList, SeckillItemFigures } from '../../../contracts/seckill';
import type { ItemAttrs } from '../persistence/models';
import { itemFigures } from './figures';
import type { SeckillDeps } from './ports';
import { sessionWithItems } from './sessions';
import { loadItem } from './warm';

async function figuresOf(deps: SeckillDeps, item: ItemAttrs): Promise<z.input<typeof SeckillItemFigures>> {
  const f = await itemFigures(deps, undefined, item);
  return {
    id: item.id,
    sessionId: item.sessionId,
    skuId: item.skuId,
    priceFen: item.priceFen,
    perUserLimit: item.perUserLimit,
    stock: item.stock,
    sold: f.sold,
    reserved: f.reserved,
    remaining: f.remaining,
    returned: item.returned,
  };
}

export async function adminItemFigures(deps: SeckillDeps, itemId: number): Promise<z.input<typeof SeckillItemFigures>> {
  const { item } = await loadItem(deps, itemId);
  return figuresOf(deps, item);
}

export async function adminSessionItems(
  deps: SeckillDeps,
  sessionId: number,
): Promise<z.input<typeof AdminSeckillItemList>> {
  const { items, skus } = await sessionWithItems(deps, sessionId);
  const out = [];
  for (const item of items) {
    const peek = await deps.counters.peek(sessionId, item.id);
    out.push({
      ...(await figuresOf(deps, item)),
      productId: item.productId,
      title: skus.get(item.skuId)?.title ?? '',
      liveRemaining: peek.remaining,
    });
  }
  return { items: out };
}

// The cart: lines keyed by (user, SKU); adding merges into the line (the unique key settles races), prices and
// availability always come from the catalog now.
import { UniqueConstraintError, type Sequelize } from 'sequelize';
import type { z } from 'zod';
import type { AddToCart, Cart, UpdateCartLine } from '../../../contracts/order';
import { lineAvailability, mergedQuantity } from '../domain/cart-line';
import { CartErrors } from '../errors';
import type { CartItemModel } from '../persistence/model';

export interface CartDeps {
  sequelize: Sequelize;
  CartItem: CartItemModel;
  skus(ids: number[]): Promise<
    Map<
      number,
      {
        productId: number;
        title: string;
        specs: Record<string, string>;
        image: string | null;
        priceFen: number;
        stock: number;
        onShelf: boolean;
      }
    >
  >;
}

export async function viewCart(deps: CartDeps, userId: number): Promise<z.input<typeof Cart>> {
  const rows = (await deps.CartItem.findAll({ where: { userId }, order: [['id', 'DESC']] })).map((r) =>
    r.get({ plain: true }),
  );
  const skus = await deps.skus(rows.map((r) => r.skuId));
  const items = rows.map((r) => {
    const sku = skus.get(r.skuId);
    const { available, reason } = lineAvailability(sku, r.quantity);
    return {
      id: r.id,
      skuId: r.skuId,
      productId: sku?.productId ?? null,
      title: sku?.title ?? '商品已失效',
      specs: sku?.specs ?? {},
      image: sku?.image ?? null,
      priceFen: sku?.priceFen ?? 0,
      quantity: r.quantity,
      selected: !!r.selected,
      stock: sku?.stock ?? 0,
      available,
      unavailableReason: reason,
    };
  });
  const chosen = items.filter((i) => i.selected && i.available);
  return {
    items,
    selectedCount: chosen.reduce((s, i) => s + i.quantity, 0),
    selectedTotalFen: chosen.reduce((s, i) => s + i.priceFen * i.quantity, 0),
  };
}

export async function addToCart(deps: CartDeps, userId: number, input: z.output<typeof AddToCart>) {
  const sku = (await deps.skus([input.skuId])).get(input.skuId);
  if (!sku) throw CartErrors.SKU_NOT_FOUND();
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await deps.CartItem.findOne({ where: { userId, skuId: input.skuId } });
    if (existing) {
      // one conditional update on the row's current quantity: concurrent adds retry instead of losing one
      const q = existing.getDataValue('quantity');
      const [n] = await deps.CartItem.update(
        { quantity: mergedQuantity(q, input.quantity), selected: true },
        { where: { id: existing.getDataValue('id'), quantity: q } },
      );
      if (n === 1) return viewCart(deps, userId);
      continue;
    }
    try {
      await deps.CartItem.create({ userId, skuId: input.skuId, quantity: mergedQuantity(0, input.quantity) });
      return viewCart(deps, userId);
    } catch (e) {
      if (!(e instanceof UniqueConstraintError)) throw e; // someone created the line first: merge into it
    }
  }
  return addToCart(deps, userId, input);
}

async function ownLine(deps: CartDeps, userId: number, id: number) {
  const row = await deps.CartItem.findOne({ where: { id, userId } });
  if (!row) throw CartErrors.CART_ITEM_NOT_FOUND();
  return row;
}

export async function updateLine(deps: CartDeps, userId: number, id: number, patch: z.output<typeof UpdateCartLine>) {
  const row = await ownLine(deps, userId, id);
  await row.update(patch);
  return viewCart(deps, userId);
}

export async function removeLine(deps: CartDeps, userId: number, id: number) {
  const row = await ownLine(deps, userId, id);
  await row.destroy();
  return viewCart(deps, userId);
}

export async function selectAll(deps: CartDeps, userId: number, selected: boolean) {
  await deps.CartItem.update({ selected }, { where: { userId } });
  return viewCart(deps, userId);
}

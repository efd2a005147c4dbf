// Lines leave the cart once they are ordered: run in the order's own transaction (the `order.placed` event), so
// an order that rolls back leaves the cart as it was, and a placed order never leaves its lines behind.
import { Op, type Transaction } from 'sequelize';
import type { CartItemModel } from '../persistence/model';

/**
 * Takes what was ordered out of `userId`'s cart: a line ordered in full (or more) goes, a line ordered in part
 * keeps the rest. Each SKU is one conditional DELETE or decrement, so a concurrent cart change never resurrects
 * or double-counts a line. Other users' carts and SKUs that were not ordered are untouched.
 */
export async function removeOrderedLines(
  t: Transaction,
  CartItem: CartItemModel,
  userId: number,
  lines: readonly { skuId: number; quantity: number }[],
): Promise<void> {
  const ordered = new Map<number, number>();
  for (const l of lines) ordered.set(l.skuId, (ordered.get(l.skuId) ?? 0) + l.quantity);
  for (const [skuId, quantity] of ordered) {
    await CartItem.destroy({ where: { userId, skuId, quantity: { [Op.lte]: quantity } }, transaction: t });
    await CartItem.decrement('quantity', {
      by: quantity,
      where: { userId, skuId, quantity: { [Op.gt]: quantity } },
      transaction: t,
    });
  }
}

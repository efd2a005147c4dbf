// Lines leave the cart once they are ordered: run in the order's own transaction (the `order.placed` event), so
// an order that rolls back leaves the cart as it was, and a placed order never leaves its lines behind.
import { QueryTypes, type Transaction } from 'sequelize';
import { caseWhen } from '../../../platform/db/case-when';
import type { CartItemModel } from '../persistence/model';

/**
 * Takes what was ordered out of `userId`'s cart: a line ordered in full (or more) goes, a line ordered in part
 * keeps the rest. Two conditional statements however many lines (a DELETE for the lines ordered in full, a
 * decrement for the rest; the conditions are disjoint), so a concurrent cart change never resurrects or
 * double-counts a line. Other users' carts and SKUs that were not ordered are untouched.
 */
export async function removeOrderedLines(
  t: Transaction,
  CartItem: CartItemModel,
  userId: number,
  lines: readonly { skuId: number; quantity: number }[],
): Promise<void> {
  const ordered = new Map<number, number>();
  for (const l of lines) ordered.set(l.skuId, (ordered.get(l.skuId) ?? 0) + l.quantity);
  if (ordered.size === 0) return;
  const skuIds = [...ordered.keys()];
  const qty = caseWhen('sku_id', ordered);
  const run = (sql: string, replacements: unknown[]) =>
    CartItem.sequelize!.query(sql, { replacements, transaction: t, type: QueryTypes.UPDATE });
  await run(`DELETE FROM cart_items WHERE user_id = ? AND sku_id IN (?) AND quantity <= ${qty.sql}`, [
    userId,
    skuIds,
    ...qty.replacements,
  ]);
  await run(
    `UPDATE cart_items SET quantity = quantity - ${qty.sql}, updated_at = ?
      WHERE user_id = ? AND sku_id IN (?) AND quantity > ${qty.sql}`,
    [...qty.replacements, new Date(), userId, skuIds, ...qty.replacements],
  );
}

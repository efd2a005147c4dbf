// Whether a cart line can be bought now, and why not: stale lines are flagged, never silently dropped.
export const MAX_LINE_QUANTITY = 999;

export type Unavailable = 'OFF_SHELF' | 'OUT_OF_STOCK' | 'NOT_ENOUGH_STOCK' | 'GONE';

export function lineAvailability(
  sku: { onShelf: boolean; stock: number } | undefined,
  quantity: number,
): { available: boolean; reason: Unavailable | null } {
  if (!sku) return { available: false, reason: 'GONE' };
  if (!sku.onShelf) return { available: false, reason: 'OFF_SHELF' };
  if (sku.stock <= 0) return { available: false, reason: 'OUT_OF_STOCK' };
  if (sku.stock < quantity) return { available: false, reason: 'NOT_ENOUGH_STOCK' };
  return { available: true, reason: null };
}

/** Adding to a line that exists sums the quantities, capped. */
export function mergedQuantity(existing: number, added: number): number {
  return Math.min(MAX_LINE_QUANTITY, existing + added);
}

// Rules of a product's SKU matrix: pure, table-tested.

export type Specs = Record<string, string>;

export type SkuMatrixProblem =
  { code: 'SKU_SPEC_KEYS_DIFFER'; index: number } | { code: 'SKU_DUPLICATE_SPECS'; index: number; duplicateOf: number };

const specKey = (specs: Specs) =>
  JSON.stringify(
    Object.keys(specs)
      .sort()
      .map((k) => [k, specs[k]]),
  );

/** Every SKU names the same spec attributes, and no two SKUs have the same values. */
export function checkSkuMatrix(skus: readonly { specs: Specs }[]): SkuMatrixProblem | undefined {
  const keys = skus.map((s) => Object.keys(s.specs).sort().join('\u0000'));
  const seen = new Map<string, number>();
  for (let i = 0; i < skus.length; i++) {
    if (keys[i] !== keys[0]) return { code: 'SKU_SPEC_KEYS_DIFFER', index: i };
    const k = specKey(skus[i]!.specs);
    const first = seen.get(k);
    if (first !== undefined) return { code: 'SKU_DUPLICATE_SPECS', index: i, duplicateOf: first };
    seen.set(k, i);
  }
  return undefined;
}

/** The price a product is listed at: its cheapest SKU. */
export function listPrice(skus: readonly { priceFen: number }[]): number {
  if (skus.length === 0) throw new RangeError('a product has at least one SKU');
  return Math.min(...skus.map((s) => s.priceFen));
}

/** Escapes LIKE wildcards in a user's search text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---- editing a matrix ----

export type SkuDiffProblem =
  | { code: 'SKU_NOT_IN_PRODUCT'; index: number; skuId: number }
  | { code: 'SKU_DUPLICATE_ID'; index: number; skuId: number };

export interface SkuDiff {
  /** request rows that update an existing SKU (re-enabling it if it was disabled) */
  update: { index: number; id: number; reenable: boolean }[];
  /** request rows that are new SKUs */
  create: number[];
  /** active SKUs the request left out: disabled, never deleted (order lines reference them) */
  disable: number[];
}

/** Matches the edited matrix to the product's SKUs by id. */
export function diffSkuMatrix(
  existing: readonly { id: number; disabled: boolean }[],
  incoming: readonly { id?: number }[],
): SkuDiff | SkuDiffProblem {
  const byId = new Map(existing.map((s) => [s.id, s]));
  const seen = new Set<number>();
  const diff: SkuDiff = { update: [], create: [], disable: [] };
  for (const [index, row] of incoming.entries()) {
    if (row.id === undefined) {
      diff.create.push(index);
      continue;
    }
    const sku = byId.get(row.id);
    if (!sku) return { code: 'SKU_NOT_IN_PRODUCT', index, skuId: row.id };
    if (seen.has(row.id)) return { code: 'SKU_DUPLICATE_ID', index, skuId: row.id };
    seen.add(row.id);
    diff.update.push({ index, id: row.id, reenable: sku.disabled });
  }
  diff.disable = existing.filter((s) => !s.disabled && !seen.has(s.id)).map((s) => s.id);
  return diff;
}

export const isSkuDiffProblem = (d: SkuDiff | SkuDiffProblem): d is SkuDiffProblem => 'code' in d;

/**
 * What an operator's stock figure does to a SKU whose live stock orders keep moving (the column holds what is
 * available: a reservation takes units off, a release puts them back).
 * - no figure: leave it alone;
 * - a figure with the one the editor showed (`expectedStock`): apply the difference to the live figure in one
 *   conditional UPDATE, so units reserved meanwhile stay reserved (showed 10, typed 15, 2 sold meanwhile → 13);
 *   a decrease larger than what is left is refused, never clamped to zero silently;
 * - a figure alone: set it (one atomic UPDATE; the last write wins).
 */
export type StockChange =
  { kind: 'keep' } | { kind: 'set'; stock: number } | { kind: 'add'; by: number } | { kind: 'take'; by: number };

export function stockChange(edit: { stock?: number; expectedStock?: number }): StockChange {
  if (edit.stock === undefined) return { kind: 'keep' };
  if (edit.expectedStock === undefined) return { kind: 'set', stock: edit.stock };
  const delta = edit.stock - edit.expectedStock;
  if (delta === 0) return { kind: 'keep' };
  return delta > 0 ? { kind: 'add', by: delta } : { kind: 'take', by: -delta };
}

/** The spec attributes of a matrix and their values, in order of first appearance (for the editor). */
export function specAttributes(skus: readonly { specs: Specs }[]): { name: string; values: string[] }[] {
  const attrs = new Map<string, string[]>();
  for (const s of skus) {
    for (const [name, value] of Object.entries(s.specs)) {
      const values = attrs.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      attrs.set(name, values);
    }
  }
  return [...attrs.entries()].map(([name, values]) => ({ name, values }));
}

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

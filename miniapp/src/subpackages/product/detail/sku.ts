import type { Sku } from '@contracts';
import { productPriceTag } from '@display';

/** Spec names in first-seen order with their values, e.g. `[{name:'颜色', values:['红','蓝']}]`. */
export function specGroups(skus: Sku[]): { name: string; values: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const sku of skus) {
    for (const [name, value] of Object.entries(sku.specs)) {
      const values = groups.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      groups.set(name, values);
    }
  }
  return [...groups].map(([name, values]) => ({ name, values }));
}

export type Selection = Record<string, string | undefined>;

/** The SKU whose every spec equals the selection (undefined until all specs are chosen). */
export function matchSku(skus: Sku[], names: string[], selection: Selection): Sku | undefined {
  if (names.some((n) => selection[n] === undefined)) return undefined;
  return skus.find((s) => names.every((n) => s.specs[n] === selection[n]));
}

/** Whether choosing `name = value` (keeping the other choices) still leads to a SKU in stock. */
export function isAvailable(skus: Sku[], names: string[], selection: Selection, name: string, value: string): boolean {
  return skus.some(
    (s) =>
      s.stock > 0 &&
      s.specs[name] === value &&
      names.every((n) => n === name || selection[n] === undefined || s.specs[n] === selection[n]),
  );
}

/** The initial choice: the specs of the first SKU in stock (or of the first SKU). */
/** Starts on the SKU the price tag headlines (the cheapest on sale), so the page's first price is that SKU's. */
export function initialSelection(skus: Sku[]): Selection {
  const tag = productPriceTag(skus);
  const sku = skus.find((s) => s.id === tag?.skuId);
  return sku ? { ...sku.specs } : {};
}

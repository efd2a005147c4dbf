// The product editor's SKU matrix, pure: spec attributes (name + values) → the cartesian product of rows. A row is
// keyed by its values per attribute *uid*, so renaming an attribute keeps the rows (and their SKU ids and stock).
import type { AdminProductDetail, UpdateProductRequest } from '@contracts';
import { fenToYuan, yuanToFen } from '@display';

export interface SpecAttr {
  /** local identity, stable while the name is edited */
  uid: string;
  name: string;
  values: string[];
}

export interface SkuDraft {
  key: string;
  /** set for an existing SKU */
  id?: number;
  /** attribute uid → value */
  values: Record<string, string>;
  /** yuan, as typed */
  price: string;
  stock: number | null;
  /** the stock the editor loaded (existing SKUs): the server applies the difference */
  expectedStock?: number;
  code: string;
  image: string | null;
}

export const MAX_ATTRS = 3;
export const MAX_SKUS = 200;
export const MAX_NAME = 20;
export const MAX_VALUE = 40;

let nextUid = 0;
export const newAttr = (): SpecAttr => ({ uid: `attr-${++nextUid}`, name: '', values: [] });

export const draftKey = (values: Record<string, string>) =>
  JSON.stringify(
    Object.keys(values)
      .sort()
      .map((uid) => [uid, values[uid]]),
  );

/** The attributes that take part in the matrix: named and with at least one value. */
export const activeAttrs = (attrs: readonly SpecAttr[]) =>
  attrs.filter((a) => a.name.trim() !== '' && a.values.length > 0);

export const comboCount = (attrs: readonly SpecAttr[]) => activeAttrs(attrs).reduce((n, a) => n * a.values.length, 1);

function newDraft(values: Record<string, string>): SkuDraft {
  return { key: draftKey(values), values, price: '', stock: 0, code: '', image: null };
}

/** Two rows agree when every attribute both have takes the same value. */
const agrees = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).every((uid) => !(uid in b) || a[uid] === b[uid]);

/**
 * Every combination of the active attributes' values. Rows seen before (in `pool`) come back as they were; a new
 * combination starts with the price of a current row it extends or narrows (adding 包装 to 红色 keeps 红色's price).
 */
export function regenerate(
  attrs: readonly SpecAttr[],
  pool: ReadonlyMap<string, SkuDraft>,
  current: readonly SkuDraft[] = [],
): SkuDraft[] {
  let combos: Record<string, string>[] = [{}];
  for (const attr of activeAttrs(attrs)) {
    combos = combos.flatMap((combo) => attr.values.map((value) => ({ ...combo, [attr.uid]: value })));
  }
  return combos.map((values) => {
    const seen = pool.get(draftKey(values));
    if (seen) return seen;
    const draft = newDraft(values);
    const priced = (row: SkuDraft) => row.price.trim() !== '' && agrees(row.values, values);
    const like = current.find(priced) ?? [...pool.values()].find(priced);
    return like ? { ...draft, price: like.price } : draft;
  });
}

/** A new product's starting point: no attributes, one SKU to price. */
export const emptyMatrix = (): { attrs: SpecAttr[]; rows: SkuDraft[] } => ({ attrs: [], rows: [newDraft({})] });

/** The editor's starting point: the product's attributes and its active SKUs as they are (not regenerated). */
export function initialMatrix(product: AdminProductDetail): { attrs: SpecAttr[]; rows: SkuDraft[] } {
  const attrs = product.specs.map((s) => ({ ...newAttr(), name: s.name, values: [...s.values] }));
  const uidOf = new Map(attrs.map((a) => [a.name, a.uid]));
  const rows = product.skus.map((sku): SkuDraft => {
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(sku.specs)) values[uidOf.get(name) ?? name] = value;
    return {
      key: draftKey(values),
      id: sku.id,
      values,
      price: fenToYuan(sku.priceFen),
      stock: sku.stock,
      expectedStock: sku.stock,
      code: sku.code ?? '',
      image: sku.image,
    };
  });
  return { attrs, rows };
}

export function priceProblem(price: string): string | null {
  if (price.trim() === '') return '请填写价格';
  const fen = yuanToFen(price);
  if (fen === null) return '价格格式不正确（最多两位小数）';
  return fen < 1 ? '价格须大于 0' : null;
}

/** What keeps the matrix from being saved, or null. */
export function matrixProblem(attrs: readonly SpecAttr[], rows: readonly SkuDraft[]): string | null {
  const names = new Set<string>();
  for (const a of attrs) {
    const name = a.name.trim();
    if (!name && a.values.length) return '请填写规格名称';
    if (name && !a.values.length) return `请为规格「${name}」添加至少一个值`;
    if (!name) continue;
    if (names.has(name)) return `规格名称「${name}」重复`;
    names.add(name);
  }
  if (rows.length < 1) return '至少需要一个 SKU';
  if (rows.length > MAX_SKUS) return `SKU 最多 ${MAX_SKUS} 个`;
  for (const row of rows) {
    const problem = priceProblem(row.price);
    if (problem) return problem;
    if (row.stock === null) return '请填写库存';
    if (row.code.trim().length > 64) return '编码最多 64 个字符';
  }
  return null;
}

/** The rows as the PUT body's `skus` (call after matrixProblem says null). */
export function toSkuPayload(attrs: readonly SpecAttr[], rows: readonly SkuDraft[]): UpdateProductRequest['skus'] {
  const active = activeAttrs(attrs);
  return rows.map((row) => {
    const specs: Record<string, string> = {};
    for (const a of active) {
      const value = row.values[a.uid];
      if (value !== undefined) specs[a.name.trim()] = value;
    }
    const code = row.code.trim();
    return {
      ...(row.id !== undefined ? { id: row.id, expectedStock: row.expectedStock } : {}),
      specs,
      priceFen: yuanToFen(row.price) ?? 0,
      stock: row.stock ?? 0,
      code: code || null,
      image: row.image,
    };
  });
}

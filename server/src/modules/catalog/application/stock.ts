// Stock for orders: SKU snapshots to price and record, and atomic reservation. A reservation is one conditional
// UPDATE per SKU (never read-then-write), in SKU id order so concurrent orders lock rows in the same order.
import { affectedRows } from '../../../platform/db/raw';
import { QueryTypes, type Transaction } from 'sequelize';
import { caseWhen } from '../../../platform/db/case-when';
import { CatalogErrors } from '../errors';
import { parseSpecs } from '../persistence/models';
import type { CatalogDb } from './ports';

export interface SkuSnapshot {
  skuId: number;
  productId: number;
  title: string;
  specs: Record<string, string>;
  image: string | null;
  priceFen: number;
  stock: number;
  /** the product is on shelf and the SKU not disabled: it may be sold */
  onShelf: boolean;
  /** false when the operator removed the SKU from the matrix (kept for the orders that reference it) */
  active: boolean;
}

export interface StockLine {
  skuId: number;
  quantity: number;
}

interface SnapshotRow {
  sku_id: number;
  product_id: number;
  title: string;
  specs_json: string;
  sku_image: string | null;
  main_image: string | null;
  price_fen: number;
  stock: number;
  on_shelf: number | boolean;
  disabled_at: Date | string | null;
}

/**
 * SKU facts for pricing and pages, in one statement (an order prices 20 SKUs with one round trip): each SKU with
 * its product's title and shelf state and, when the SKU has no picture of its own, the product's main image.
 */
export async function skuSnapshots(
  deps: CatalogDb,
  transaction: Transaction | undefined,
  skuIds: number[],
): Promise<Map<number, SkuSnapshot>> {
  const out = new Map<number, SkuSnapshot>();
  if (skuIds.length === 0) return out;
  const rows = await deps.sequelize.query<SnapshotRow>(
    `SELECT s.id AS sku_id, s.product_id, p.title, s.specs_json, s.image AS sku_image, s.price_fen, s.stock,
            p.on_shelf, s.disabled_at,
            (SELECT i.url FROM product_images i WHERE i.product_id = p.id ORDER BY i.sort, i.id LIMIT 1) AS main_image
       FROM skus s JOIN products p ON p.id = s.product_id
      WHERE s.id IN (?)`,
    { replacements: [[...new Set(skuIds)]], type: QueryTypes.SELECT, transaction },
  );
  for (const r of rows) {
    const skuId = Number(r.sku_id);
    const active = r.disabled_at === null;
    out.set(skuId, {
      skuId,
      productId: Number(r.product_id),
      title: r.title,
      specs: parseSpecs(r.specs_json),
      image: r.sku_image ?? r.main_image ?? null,
      priceFen: Number(r.price_fen),
      stock: Number(r.stock),
      onShelf: Boolean(Number(r.on_shelf)) && active,
      active,
    });
  }
  return out;
}

/** Merges lines of the same SKU and sorts by SKU id (a fixed lock order avoids deadlocks between orders). */
export function normaliseLines(lines: readonly StockLine[]): StockLine[] {
  const qty = new Map<number, number>();
  for (const l of lines) qty.set(l.skuId, (qty.get(l.skuId) ?? 0) + l.quantity);
  return [...qty.entries()].sort(([a], [b]) => a - b).map(([skuId, quantity]) => ({ skuId, quantity }));
}

/**
 * Takes every line's units in one conditional UPDATE, all or nothing: each row is changed only if its stock covers
 * its line, and fewer rows changed than lines means one could not be covered. One statement however many lines
 * (rows are locked in primary-key order, as before). With several lines a savepoint comes first, so a shortfall
 * can be undone exactly and the short line named from the stock as it was.
 */
export async function reserveStock(
  deps: CatalogDb,
  transaction: Transaction,
  lines: readonly StockLine[],
): Promise<void> {
  const merged = normaliseLines(lines);
  if (merged.length === 0) return;
  const run = (sql: string, replacements: unknown[] = []) =>
    deps.sequelize.query(sql, { replacements, transaction, type: QueryTypes.UPDATE }) as Promise<
      [unknown, number | { affectedRows?: number; changes?: number }]
    >; // QueryTypes.UPDATE: without it SQLite reports no affected-row count
  if (merged.length > 1) await run('SAVEPOINT reserve_stock');
  const qty = caseWhen(
    'id',
    merged.map((l) => [l.skuId, l.quantity] as const),
  );
  const [, affected] = await run(`UPDATE skus SET stock = stock - ${qty.sql} WHERE id IN (?) AND stock >= ${qty.sql}`, [
    ...qty.replacements,
    merged.map((l) => l.skuId),
    ...qty.replacements,
  ]);
  if (affectedRows(affected) === merged.length) return;
  if (merged.length > 1) await run('ROLLBACK TO SAVEPOINT reserve_stock');
  const stock = await currentStock(deps, transaction, merged);
  const short = merged.find((l) => (stock.get(l.skuId) ?? 0) < l.quantity) ?? merged[0]!;
  throw CatalogErrors.STOCK_INSUFFICIENT({ skuId: short.skuId, requested: short.quantity });
}

async function currentStock(deps: CatalogDb, transaction: Transaction, lines: StockLine[]) {
  const rows = await deps.sequelize.query<{ id: number; stock: number }>('SELECT id, stock FROM skus WHERE id IN (?)', {
    replacements: [lines.map((l) => l.skuId)],
    type: QueryTypes.SELECT,
    transaction,
  });
  return new Map(rows.map((r) => [Number(r.id), Number(r.stock)]));
}

export async function releaseStock(
  deps: CatalogDb,
  transaction: Transaction,
  lines: readonly StockLine[],
): Promise<void> {
  for (const line of normaliseLines(lines)) {
    await deps.sequelize.query('UPDATE skus SET stock = stock + ? WHERE id = ?', {
      replacements: [line.quantity, line.skuId],
      transaction,
    });
  }
}

/**
 * Counts sold units on products, in the caller's transaction (the order module calls it when an order is paid;
 * its lines already name their products). Never below zero.
 */
export async function addSales(
  deps: CatalogDb,
  transaction: Transaction,
  lines: readonly { productId: number; quantity: number }[],
): Promise<void> {
  const byProduct = new Map<number, number>();
  for (const l of lines) byProduct.set(l.productId, (byProduct.get(l.productId) ?? 0) + l.quantity);
  // product id order, like stock: concurrent payments lock rows in the same order
  for (const [productId, qty] of [...byProduct.entries()].sort(([a], [b]) => a - b)) {
    if (qty === 0) continue;
    // two statements rather than sales + ?: an UNSIGNED column going negative is an error in MySQL, not a clamp
    const sql =
      qty > 0
        ? 'UPDATE products SET sales = sales + ? WHERE id = ?'
        : 'UPDATE products SET sales = CASE WHEN sales > ? THEN sales - ? ELSE 0 END WHERE id = ?';
    await deps.sequelize.query(sql, {
      replacements: qty > 0 ? [qty, productId] : [-qty, -qty, productId],
      transaction,
    });
  }
}

/** Sequelize reports affected rows differently per engine (mysql2: a number or a result header; sqlite: changes). */

/** Every active SKU of a product, as snapshots (group-buy pages list them). */
export async function productSkus(deps: CatalogDb, productId: number): Promise<SkuSnapshot[]> {
  const ids = await deps.models.Sku.findAll({ where: { productId }, attributes: ['id'] });
  return [
    ...(
      await skuSnapshots(
        deps,
        undefined,
        ids.map((r) => r.getDataValue('id')),
      )
    ).values(),
  ];
}

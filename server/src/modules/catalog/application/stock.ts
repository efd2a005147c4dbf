// Stock for orders: SKU snapshots to price and record, and atomic reservation. A reservation is one conditional
// UPDATE per SKU (never read-then-write), in SKU id order so concurrent orders lock rows in the same order.
import { Op, QueryTypes, type Transaction } from 'sequelize';
import { CatalogErrors } from '../errors';
import { parseSpecs } from '../persistence/models';
import { firstImages } from './images';
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

export async function skuSnapshots(
  deps: CatalogDb,
  transaction: Transaction | undefined,
  skuIds: number[],
): Promise<Map<number, SkuSnapshot>> {
  const { Sku, Product } = deps.models;
  const skus = await Sku.findAll({ where: { id: { [Op.in]: skuIds } }, transaction });
  const productIds = [...new Set(skus.map((s) => s.getDataValue('productId')))];
  const [products, firstImage] = await Promise.all([
    Product.findAll({ where: { id: { [Op.in]: productIds } }, attributes: ['id', 'title', 'onShelf'], transaction }),
    firstImages(deps, transaction, productIds),
  ]);
  const productBy = new Map(products.map((p) => [p.getDataValue('id'), p.get({ plain: true })]));
  const out = new Map<number, SkuSnapshot>();
  for (const s of skus) {
    const sku = s.get({ plain: true });
    const product = productBy.get(sku.productId);
    if (!product) continue;
    out.set(sku.id, {
      skuId: sku.id,
      productId: sku.productId,
      title: product.title,
      specs: parseSpecs(sku.specsJson),
      image: sku.image ?? firstImage.get(sku.productId) ?? null,
      priceFen: sku.priceFen,
      stock: sku.stock,
      onShelf: Boolean(product.onShelf) && !sku.disabledAt,
      active: !sku.disabledAt,
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

export async function reserveStock(
  deps: CatalogDb,
  transaction: Transaction,
  lines: readonly StockLine[],
): Promise<void> {
  for (const line of normaliseLines(lines)) {
    const [, affected] = (await deps.sequelize.query('UPDATE skus SET stock = stock - ? WHERE id = ? AND stock >= ?', {
      replacements: [line.quantity, line.skuId, line.quantity],
      transaction,
      type: QueryTypes.UPDATE, // without it SQLite reports no affected-row count
    })) as [unknown, number | { affectedRows?: number; changes?: number }];
    if (affectedRows(affected) !== 1) {
      throw CatalogErrors.STOCK_INSUFFICIENT({ skuId: line.skuId, requested: line.quantity });
    }
  }
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
export function affectedRows(meta: number | { affectedRows?: number; changes?: number } | undefined): number {
  if (typeof meta === 'number') return meta;
  return meta?.affectedRows ?? meta?.changes ?? 0;
}

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

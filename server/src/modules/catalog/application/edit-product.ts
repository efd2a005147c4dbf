// Operators' product editing: the full admin view, the whole-matrix edit and the shelf switch. Every write is one
// transaction (audit-logged) and drops the product's cached detail after it commits.
import { QueryTypes, type Transaction } from 'sequelize';
import type { z } from 'zod';
import type { AdminProductDetail, ShelfResponse, UpdateProductRequest } from '../../../contracts/catalog';
import { inTransaction } from '../../../platform/db/transaction';
import {
  checkSkuMatrix,
  diffSkuMatrix,
  isSkuDiffProblem,
  listPrice,
  specAttributes,
  stockChange,
} from '../domain/sku-matrix';
import { CatalogErrors } from '../errors';
import { parseSpecs, type ProductAttrs } from '../persistence/models';
import { affectedRows } from '../../../platform/db/raw';
import { matrixInvalid } from './create-product';
import { productImageUrls } from './images';
import type { CatalogDeps, Operator } from './ports';

type Input = z.output<typeof UpdateProductRequest>;

export async function adminGetProduct(
  deps: Pick<CatalogDeps, 'models'>,
  transaction: Transaction | undefined,
  id: number,
): Promise<AdminProductDetail> {
  const { Product, Sku } = deps.models;
  const product = await Product.findByPk(id, { transaction });
  if (!product) throw CatalogErrors.PRODUCT_NOT_FOUND();
  const [images, skus] = await Promise.all([
    productImageUrls(deps, transaction, id),
    Sku.findAll({ where: { productId: id, disabledAt: null }, order: [['id', 'ASC']], transaction }),
  ]);
  const p = product.get({ plain: true }) as ProductAttrs & { updatedAt?: Date };
  const skuViews = skus.map((row) => {
    const s = row.get({ plain: true });
    return {
      id: s.id,
      specs: parseSpecs(s.specsJson),
      priceFen: s.priceFen,
      stock: s.stock,
      code: s.code,
      image: s.image,
    };
  });
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    description: p.description,
    categoryId: p.categoryId,
    images,
    onShelf: Boolean(p.onShelf),
    priceFen: p.minPriceFen,
    sales: p.sales,
    specs: specAttributes(skuViews),
    skus: skuViews,
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt ?? p.createdAt).toISOString(),
  };
}

/** One SKU's stock edit, atomic against the orders reserving from it meanwhile. */
async function applyStock(deps: CatalogDeps, t: Transaction, skuId: number, edit: Input['skus'][number]) {
  const change = stockChange(edit);
  if (change.kind === 'keep') return;
  const [sql, replacements] =
    change.kind === 'set'
      ? ['UPDATE skus SET stock = ? WHERE id = ?', [change.stock, skuId]]
      : change.kind === 'add'
        ? ['UPDATE skus SET stock = stock + ? WHERE id = ?', [change.by, skuId]]
        : ['UPDATE skus SET stock = stock - ? WHERE id = ? AND stock >= ?', [change.by, skuId, change.by]];
  const [, meta] = (await deps.sequelize.query(sql, { replacements, transaction: t, type: QueryTypes.UPDATE })) as [
    unknown,
    number,
  ];
  if (change.kind === 'take' && affectedRows(meta) !== 1) {
    throw CatalogErrors.STOCK_CHANGED({ skuId });
  }
}

export async function updateProduct(
  deps: CatalogDeps,
  id: number,
  input: Input,
  by: Operator,
): Promise<AdminProductDetail> {
  const matrix = checkSkuMatrix(input.skus);
  if (matrix) throw matrixInvalid(matrix);
  const { Category, Product, ProductImage, Sku } = deps.models;
  const after = await inTransaction(deps.sequelize, deps.db, async (t) => {
    const product = await Product.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!product) throw CatalogErrors.PRODUCT_NOT_FOUND();
    if (input.categoryId !== null && !(await Category.findByPk(input.categoryId, { transaction: t }))) {
      throw CatalogErrors.UNKNOWN_CATEGORY();
    }
    const before = await adminGetProduct(deps, t, id);
    const existing = await Sku.findAll({ where: { productId: id }, attributes: ['id', 'disabledAt'], transaction: t });
    const diff = diffSkuMatrix(
      existing.map((s) => ({ id: s.getDataValue('id'), disabled: s.getDataValue('disabledAt') !== null })),
      input.skus,
    );
    if (isSkuDiffProblem(diff)) throw matrixInvalid(diff);

    // SKU id order, as in stock reservations, so an edit and an order never lock rows crosswise
    for (const u of [...diff.update].sort((a, b) => a.id - b.id)) {
      const row = input.skus[u.index]!;
      const patch: Record<string, unknown> = { specsJson: JSON.stringify(row.specs), priceFen: row.priceFen };
      if (row.code !== undefined) patch.code = row.code;
      if (row.image !== undefined) patch.image = row.image;
      if (u.reenable) patch.disabledAt = null;
      await Sku.update(patch, { where: { id: u.id }, transaction: t });
      await applyStock(deps, t, u.id, row);
    }
    if (diff.disable.length) {
      await Sku.update({ disabledAt: new Date() }, { where: { id: diff.disable }, transaction: t });
    }
    for (const index of diff.create) {
      const row = input.skus[index]!;
      await Sku.create(
        {
          productId: id,
          specsJson: JSON.stringify(row.specs),
          priceFen: row.priceFen,
          stock: row.stock ?? 0,
          code: row.code ?? null,
          image: row.image ?? null,
        },
        { transaction: t },
      );
    }
    await product.update(
      {
        title: input.title,
        subtitle: input.subtitle,
        description: input.description,
        categoryId: input.categoryId,
        minPriceFen: listPrice(input.skus),
      },
      { transaction: t },
    );
    await ProductImage.destroy({ where: { productId: id }, transaction: t });
    if (input.images.length) {
      await ProductImage.bulkCreate(
        input.images.map((url, sort) => ({ productId: id, url, sort })),
        { transaction: t },
      );
    }
    const updated = await adminGetProduct(deps, t, id);
    await deps.audit.record(t, by, {
      action: 'product.update',
      entity: 'product',
      entityId: id,
      before,
      after: updated,
    });
    return updated;
  });
  await deps.hotReads.productsChanged([id]);
  return after;
}

export async function setShelf(deps: CatalogDeps, id: number, onShelf: boolean, by: Operator): Promise<ShelfResponse> {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const product = await deps.models.Product.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!product) throw CatalogErrors.PRODUCT_NOT_FOUND();
    const was = Boolean(product.getDataValue('onShelf'));
    if (was === onShelf) return;
    await product.update({ onShelf }, { transaction: t });
    await deps.audit.record(t, by, {
      action: onShelf ? 'product.on_shelf' : 'product.off_shelf',
      entity: 'product',
      entityId: id,
      before: { onShelf: was },
      after: { onShelf },
    });
  });
  await deps.hotReads.productsChanged([id]);
  return { id, onShelf };
}

// Read side of the catalog: what consumers browse and what operators list.
import { Op, fn, col, type WhereOptions } from 'sequelize';
import type { AdminProductList, CategoryList, ProductDetail, ProductList } from '../../../contracts/catalog';
import { notFound } from '../../../kernel/errors';
import { likePattern } from '../domain/sku-matrix';
import { parseSpecs, type ProductAttrs } from '../persistence/models';
import type { CatalogDeps } from './ports';

interface ListFilter {
  q?: string;
  categoryId?: number;
  page: number;
  pageSize: number;
}

function productWhere(f: { q?: string; categoryId?: number; onShelf?: boolean }): WhereOptions<ProductAttrs> {
  const where: Record<string, unknown> = {};
  if (f.onShelf !== undefined) where.onShelf = f.onShelf;
  if (f.q) where.title = { [Op.like]: likePattern(f.q) };
  if (f.categoryId) where.categoryId = f.categoryId;
  return where as WhereOptions<ProductAttrs>;
}

/** Category ids to match: the category itself and its children (two levels). */
async function categoryScope(deps: CatalogDeps, categoryId?: number): Promise<number[] | undefined> {
  if (!categoryId) return undefined;
  const children = await deps.models.Category.findAll({ where: { parentId: categoryId }, attributes: ['id'] });
  return [categoryId, ...children.map((c) => c.getDataValue('id'))];
}

export async function listCategories(deps: CatalogDeps): Promise<CategoryList> {
  const rows = await deps.models.Category.findAll({
    order: [
      ['sort', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  return { items: rows.map((r) => r.get({ plain: true })) };
}

async function firstImages(deps: CatalogDeps, productIds: number[]): Promise<Map<number, string>> {
  if (productIds.length === 0) return new Map();
  const images = await deps.models.ProductImage.findAll({
    where: { productId: productIds },
    order: [
      ['productId', 'ASC'],
      ['sort', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const first = new Map<number, string>();
  for (const img of images)
    if (!first.has(img.getDataValue('productId'))) first.set(img.getDataValue('productId'), img.getDataValue('url'));
  return first;
}

export async function listProducts(deps: CatalogDeps, f: ListFilter): Promise<ProductList> {
  const scope = await categoryScope(deps, f.categoryId);
  const where = { ...productWhere({ q: f.q, onShelf: true }), ...(scope ? { categoryId: scope } : {}) };
  const { rows, count } = await deps.models.Product.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  const images = await firstImages(
    deps,
    rows.map((r) => r.getDataValue('id')),
  );
  return {
    items: rows.map((r) => ({
      id: r.getDataValue('id'),
      title: r.getDataValue('title'),
      subtitle: r.getDataValue('subtitle'),
      priceFen: r.getDataValue('minPriceFen'),
      image: images.get(r.getDataValue('id')) ?? null,
      sales: r.getDataValue('sales'),
    })),
    total: count,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function getProduct(deps: CatalogDeps, id: number): Promise<ProductDetail> {
  const { Product, ProductImage, Sku } = deps.models;
  const product = await Product.findOne({ where: { id, onShelf: true } });
  if (!product) throw notFound('商品', 'PRODUCT_NOT_FOUND');
  const [images, skus] = await Promise.all([
    ProductImage.findAll({
      where: { productId: id },
      order: [
        ['sort', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
    Sku.findAll({ where: { productId: id }, order: [['id', 'ASC']] }),
  ]);
  const p = product.get({ plain: true });
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    description: p.description,
    categoryId: p.categoryId,
    images: images.map((i) => i.getDataValue('url')),
    priceFen: p.minPriceFen,
    sales: p.sales,
    skus: skus.map((s) => ({
      id: s.getDataValue('id'),
      specs: parseSpecs(s.getDataValue('specsJson')),
      priceFen: s.getDataValue('priceFen'),
      stock: s.getDataValue('stock'),
      image: s.getDataValue('image'),
    })),
  };
}

export async function adminListProducts(
  deps: CatalogDeps,
  f: ListFilter & { onShelf?: boolean },
): Promise<AdminProductList> {
  const { Product, Sku, Category } = deps.models;
  const scope = await categoryScope(deps, f.categoryId);
  const where = { ...productWhere({ q: f.q, onShelf: f.onShelf }), ...(scope ? { categoryId: scope } : {}) };
  const { rows, count } = await Product.findAndCountAll({
    where,
    include: [{ model: Category, as: 'category', attributes: ['name'] }],
    order: [['id', 'DESC']],
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  const ids = rows.map((r) => r.getDataValue('id'));
  const [images, stock] = await Promise.all([
    firstImages(deps, ids),
    ids.length
      ? Sku.findAll({
          where: { productId: ids },
          attributes: ['productId', [fn('SUM', col('stock')), 'stock'], [fn('COUNT', col('id')), 'skuCount']],
          group: ['productId'],
          raw: true,
        })
      : [],
  ]);
  const stockBy = new Map(
    (stock as unknown as { productId: number; stock: string | number; skuCount: string | number }[]).map((s) => [
      Number(s.productId),
      { stock: Number(s.stock), skuCount: Number(s.skuCount) },
    ]),
  );
  return {
    items: rows.map((r) => {
      const p = r.get({ plain: true }) as ProductAttrs & { category?: { name: string } | null };
      return {
        id: p.id,
        title: p.title,
        categoryId: p.categoryId,
        categoryName: p.category?.name ?? null,
        priceFen: p.minPriceFen,
        stock: stockBy.get(p.id)?.stock ?? 0,
        sales: p.sales,
        onShelf: Boolean(p.onShelf),
        image: images.get(p.id) ?? null,
        skuCount: stockBy.get(p.id)?.skuCount ?? 0,
        createdAt: new Date(p.createdAt).toISOString(),
      };
    }),
    total: count,
  };
}

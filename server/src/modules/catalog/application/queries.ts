// Read side of the catalog: what consumers browse and what operators list.
import { Op, QueryTypes, fn, col, type Order, type WhereOptions } from 'sequelize';
import type {
  AdminProductList,
  CategoryList,
  ProductDetail,
  ProductList,
  ProductSort,
} from '../../../contracts/catalog';
import { CatalogErrors } from '../errors';
import { likePattern } from '../domain/sku-matrix';
import { parseSpecs, type ProductAttrs } from '../persistence/models';
import type { CachedDetail } from './detail-cache';
import { firstImages, productImageUrls } from './images';
import type { CatalogDeps, CatalogDb } from './ports';
import { pageWindow } from '../../../kernel/paging';
import { productPriceTag, type PriceTag } from '../../../contracts/display/price';

interface ListFilter {
  q?: string;
  categoryId?: number;
  page: number;
  pageSize: number;
}

const SORTS: Record<ProductSort, Order> = {
  default: [['id', 'DESC']],
  price_asc: [
    ['minPriceFen', 'ASC'],
    ['id', 'DESC'],
  ],
  price_desc: [
    ['minPriceFen', 'DESC'],
    ['id', 'DESC'],
  ],
  sales: [
    ['sales', 'DESC'],
    ['id', 'DESC'],
  ],
};

function productWhere(f: { q?: string; categoryId?: number; onShelf?: boolean }): WhereOptions<ProductAttrs> {
  const where: Record<string, unknown> = {};
  if (f.onShelf !== undefined) where.onShelf = f.onShelf;
  if (f.q) where.title = { [Op.like]: likePattern(f.q) };
  if (f.categoryId) where.categoryId = f.categoryId;
  return where as WhereOptions<ProductAttrs>;
}

/** Category ids to match: the category itself and its children (two levels). */
async function categoryScope(deps: CatalogDb, categoryId?: number): Promise<number[] | undefined> {
  if (!categoryId) return undefined;
  const children = await deps.models.Category.findAll({ where: { parentId: categoryId }, attributes: ['id'] });
  return [categoryId, ...children.map((c) => c.getDataValue('id'))];
}

export async function listCategories(deps: CatalogDb): Promise<CategoryList> {
  const rows = await deps.models.Category.findAll({
    order: [
      ['sort', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  return {
    items: rows.map((r) => {
      const c = r.get({ plain: true });
      return { id: c.id, name: c.name, parentId: c.parentId, sort: c.sort, icon: c.icon ?? null };
    }),
  };
}

/** Each listed product's price tag (the display rule), from its enabled SKUs' prices and stock in one query. */
async function listingPriceTags(deps: CatalogDb, productIds: readonly number[]): Promise<Map<number, PriceTag>> {
  if (productIds.length === 0) return new Map();
  const skus = await deps.models.Sku.findAll({
    where: { productId: [...productIds], disabledAt: null },
    attributes: ['id', 'productId', 'priceFen', 'stock'],
  });
  const byProduct = new Map<number, { id: number; priceFen: number; stock: number }[]>();
  for (const s of skus) {
    const list = byProduct.get(s.getDataValue('productId')) ?? [];
    list.push({ id: s.getDataValue('id'), priceFen: s.getDataValue('priceFen'), stock: s.getDataValue('stock') });
    byProduct.set(s.getDataValue('productId'), list);
  }
  const tags = new Map<number, PriceTag>();
  for (const [productId, list] of byProduct) {
    const tag = productPriceTag(list);
    if (tag) tags.set(productId, tag);
  }
  return tags;
}

export async function listProducts(deps: CatalogDb, f: ListFilter & { sort?: ProductSort }): Promise<ProductList> {
  const scope = await categoryScope(deps, f.categoryId);
  const where = { ...productWhere({ q: f.q, onShelf: true }), ...(scope ? { categoryId: scope } : {}) };
  const { rows, count } = await deps.models.Product.findAndCountAll({
    where,
    order: SORTS[f.sort ?? 'default'],
    ...pageWindow(f),
  });
  const ids = rows.map((r) => r.getDataValue('id'));
  const [images, tags] = await Promise.all([firstImages(deps, undefined, ids), listingPriceTags(deps, ids)]);
  return {
    items: rows.map((r) => ({
      id: r.getDataValue('id'),
      title: r.getDataValue('title'),
      subtitle: r.getDataValue('subtitle'),
      priceFen: tags.get(r.getDataValue('id'))?.priceFen ?? r.getDataValue('minPriceFen'),
      from: tags.get(r.getDataValue('id'))?.from ?? false,
      image: images.get(r.getDataValue('id')) ?? null,
      sales: r.getDataValue('sales'),
    })),
    total: count,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** The static part of a product's detail, from the database (what the cache keeps). */
async function loadStaticDetail(deps: CatalogDb, id: number): Promise<CachedDetail | undefined> {
  const { Product, Sku } = deps.models;
  const product = await Product.findOne({ where: { id, onShelf: true } });
  if (!product) return undefined;
  const [images, skus] = await Promise.all([
    productImageUrls(deps, undefined, id),
    Sku.findAll({ where: { productId: id, disabledAt: null }, order: [['id', 'ASC']] }),
  ]);
  const p = product.get({ plain: true });
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    description: p.description,
    categoryId: p.categoryId,
    images,
    skus: skus.map((s) => ({
      id: s.getDataValue('id'),
      specs: parseSpecs(s.getDataValue('specsJson')),
      image: s.getDataValue('image'),
    })),
  };
}

interface LiveRow {
  on_shelf: number | boolean;
  sales: number;
  min_price_fen: number;
  sku_id: number | null;
  price_fen: number | null;
  stock: number | null;
}

/** What moves under the cache: shelf state, sales, the list price and each active SKU's price and stock. */
async function liveFigures(deps: CatalogDb, id: number) {
  const rows = await deps.sequelize.query<LiveRow>(
    `SELECT p.on_shelf, p.sales, p.min_price_fen, s.id AS sku_id, s.price_fen, s.stock
       FROM products p LEFT JOIN skus s ON s.product_id = p.id AND s.disabled_at IS NULL
      WHERE p.id = ?`,
    { replacements: [id], type: QueryTypes.SELECT },
  );
  const first = rows[0];
  if (!first || !Number(first.on_shelf)) return undefined;
  const skus = new Map<number, { priceFen: number; stock: number }>();
  for (const r of rows)
    if (r.sku_id !== null) skus.set(Number(r.sku_id), { priceFen: Number(r.price_fen), stock: Number(r.stock) });
  return { sales: Number(first.sales), priceFen: Number(first.min_price_fen), skus };
}

/**
 * A consumer's product detail: the static part from the cache (filled on a miss), merged with live stock and
 * prices. A cached SKU list that no longer matches the live one (a missed invalidation) is reloaded.
 */
export async function getProduct(deps: CatalogDeps, id: number): Promise<ProductDetail> {
  const cache = deps.detailCache;
  const [cached, live] = await Promise.all([cache.get(id), liveFigures(deps, id)]);
  if (!live) throw CatalogErrors.PRODUCT_NOT_FOUND();
  const matches = (d: CachedDetail) => d.skus.length === live.skus.size && d.skus.every((s) => live.skus.has(s.id));
  let detail = 'hit' in cached && matches(cached.hit) ? cached.hit : undefined;
  if (!detail) {
    detail = await loadStaticDetail(deps, id);
    if (!detail) throw CatalogErrors.PRODUCT_NOT_FOUND();
    if ('slot' in cached && matches(detail)) await cache.fill(cached.slot, detail);
  }
  return {
    ...detail,
    priceFen: live.priceFen,
    sales: live.sales,
    skus: detail.skus
      .filter((s) => live.skus.has(s.id))
      .map((s) => ({ ...s, priceFen: live.skus.get(s.id)!.priceFen, stock: live.skus.get(s.id)!.stock })),
  };
}

export async function adminListProducts(
  deps: CatalogDb,
  f: ListFilter & { onShelf?: boolean },
): Promise<AdminProductList> {
  const { Product, Sku, Category } = deps.models;
  const scope = await categoryScope(deps, f.categoryId);
  const where = { ...productWhere({ q: f.q, onShelf: f.onShelf }), ...(scope ? { categoryId: scope } : {}) };
  const { rows, count } = await Product.findAndCountAll({
    where,
    include: [{ model: Category, as: 'category', attributes: ['name'] }],
    order: [['id', 'DESC']],
    ...pageWindow(f),
  });
  const ids = rows.map((r) => r.getDataValue('id'));
  const [images, tags, stock] = await Promise.all([
    firstImages(deps, undefined, ids),
    listingPriceTags(deps, ids),
    ids.length
      ? Sku.findAll({
          where: { productId: ids, disabledAt: null },
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
        priceFen: tags.get(p.id)?.priceFen ?? p.minPriceFen,
        from: tags.get(p.id)?.from ?? false,
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

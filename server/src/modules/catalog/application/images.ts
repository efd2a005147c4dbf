// Reading product images: a product's gallery in display order, and the main (first) image of many products.
import type { Transaction } from 'sequelize';
import type { CatalogDb } from './ports';

const DISPLAY_ORDER: [string, string][] = [
  ['sort', 'ASC'],
  ['id', 'ASC'],
];

/** A product's image URLs in display order (the first is the main image). */
export async function productImageUrls(
  deps: Pick<CatalogDb, 'models'>,
  transaction: Transaction | undefined,
  productId: number,
) {
  const rows = await deps.models.ProductImage.findAll({ where: { productId }, order: DISPLAY_ORDER, transaction });
  return rows.map((i) => i.getDataValue('url'));
}

/** Each product's main image, in one query. */
export async function firstImages(
  deps: Pick<CatalogDb, 'models'>,
  transaction: Transaction | undefined,
  productIds: readonly number[],
): Promise<Map<number, string>> {
  if (productIds.length === 0) return new Map();
  const images = await deps.models.ProductImage.findAll({
    where: { productId: [...productIds] },
    attributes: ['productId', 'url'],
    order: [['productId', 'ASC'], ...DISPLAY_ORDER],
    transaction,
  });
  const first = new Map<number, string>();
  for (const img of images)
    if (!first.has(img.getDataValue('productId'))) first.set(img.getDataValue('productId'), img.getDataValue('url'));
  return first;
}

import { z } from 'zod';
import type { CreateProductRequest, CreateProductResponse } from '../../../contracts/catalog';
import { checkSkuMatrix, listPrice, type SkuDiffProblem, type SkuMatrixProblem } from '../domain/sku-matrix';
import { CatalogErrors } from '../errors';
import type { CatalogDeps } from './ports';

type Deps = Pick<CatalogDeps, 'sequelize' | 'models' | 'audit'>;

type Input = z.output<typeof CreateProductRequest>;

/** The 400 for a matrix the rules refuse (creating or editing a product): the problem's own declared code. */
export const matrixInvalid = (problem: SkuMatrixProblem | SkuDiffProblem) => CatalogErrors[problem.code](problem);

export async function createProduct(
  deps: Deps,
  input: Input,
  by: { operatorId: number | null; requestId?: string },
): Promise<CreateProductResponse> {
  const problem = checkSkuMatrix(input.skus);
  if (problem) throw matrixInvalid(problem);
  const { Category, Product, ProductImage, Sku } = deps.models;
  return deps.sequelize.transaction(async (transaction) => {
    if (input.categoryId && !(await Category.findByPk(input.categoryId, { transaction }))) {
      throw CatalogErrors.UNKNOWN_CATEGORY();
    }
    const product = await Product.create(
      {
        title: input.title,
        subtitle: input.subtitle,
        description: input.description,
        categoryId: input.categoryId ?? null,
        onShelf: input.onShelf,
        minPriceFen: listPrice(input.skus),
      },
      { transaction },
    );
    const productId = product.getDataValue('id');
    if (input.images.length) {
      await ProductImage.bulkCreate(
        input.images.map((url, sort) => ({ productId, url, sort })),
        { transaction },
      );
    }
    const skus = [];
    for (const s of input.skus) {
      // One by one (not bulkCreate) so every dialect returns the generated id.
      const sku = await Sku.create(
        {
          productId,
          specsJson: JSON.stringify(s.specs),
          priceFen: s.priceFen,
          stock: s.stock,
          code: s.code ?? null,
          image: s.image ?? null,
        },
        { transaction },
      );
      skus.push({ id: sku.getDataValue('id') });
    }
    await deps.audit.record(transaction, by, {
      action: 'product.create',
      entity: 'product',
      entityId: productId,
      after: input,
    });
    return { id: productId, skus };
  });
}

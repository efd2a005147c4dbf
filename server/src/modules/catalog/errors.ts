// Every error code the catalog answers, declared once (kernel/errors.ts `defineErrors`): thrown as
// `CatalogErrors.STOCK_INSUFFICIENT(details?, message?)` and listed in the routes' `errors`, which document them.
// Other modules that answer one of these codes import it from the module's index.
import { defineErrors } from '../../kernel/errors';

export const CatalogErrors = defineErrors('catalog', {
  PRODUCT_NOT_FOUND: { kind: 'not_found', message: '商品不存在' },
  /** the category in the path */
  CATEGORY_NOT_FOUND: { kind: 'not_found', message: '分类不存在' },
  /**
   * A category named in the request body (a product's, or a new parent) that does not exist: the same code, as a
   * 400, as clients have always had it.
   */
  UNKNOWN_CATEGORY: { code: 'CATEGORY_NOT_FOUND', kind: 'invalid', message: '分类不存在' },
  CATEGORY_TOO_DEEP: {
    kind: 'invalid',
    message: '分类最多两级：上级必须是一级分类，有子分类的分类不能再挂到别的分类下',
  },
  CATEGORY_HAS_CHILDREN: { kind: 'conflict', message: '请先删除或移走它的子分类' },
  CATEGORY_HAS_PRODUCTS: { kind: 'conflict', message: '分类下还有商品，请先移走商品' },
  // the SKU matrix (domain/sku-matrix.ts)
  SKU_DUPLICATE_SPECS: { kind: 'invalid', message: '存在规格完全相同的 SKU' },
  SKU_SPEC_KEYS_DIFFER: { kind: 'invalid', message: '所有 SKU 必须使用同一组规格名' },
  SKU_NOT_IN_PRODUCT: { kind: 'invalid', message: 'SKU 不属于这个商品' },
  SKU_DUPLICATE_ID: { kind: 'invalid', message: '同一个 SKU 出现了两次' },
  STOCK_CHANGED: { kind: 'conflict', message: '库存已被订单占用，减少的数量超过了剩余库存，请刷新后再改' },
  STOCK_INSUFFICIENT: { kind: 'conflict', message: '库存不足' },
  IMAGE_MISSING: { kind: 'invalid', message: '请选择要上传的图片（表单字段 file）' },
  IMAGE_TOO_LARGE: { kind: 'too_large', message: '图片不能超过 5 MB' },
  IMAGE_TYPE_UNSUPPORTED: { kind: 'invalid', message: '只支持 PNG、JPEG、GIF、WebP 图片' },
});

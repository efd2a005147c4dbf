import { ACCESS } from '../../../http/access';
// Operators' catalog routes: categories, product detail/edit/shelf and image upload.
import {
  AdminCategoryList,
  AdminProductDetail,
  Category,
  CreateCategoryRequest,
  ShelfRequest,
  ShelfResponse,
  UpdateCategoryRequest,
  UpdateProductRequest,
  UploadImageForm,
  UploadedImage,
} from '../../../contracts/catalog';
import { IdParam, Ok } from '../../../contracts/common';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { adminListCategories, createCategory, deleteCategory, updateCategory } from '../application/categories';
import { adminGetProduct, setShelf, updateProduct } from '../application/edit-product';
import { operatorOf } from '../../../http/operator';
import type { CatalogDeps } from '../application/ports';
import { uploadImage, type UploadedFile } from '../application/upload-image';
import { MAX_IMAGE_BYTES } from '../domain/image-type';
import { CatalogErrors as E } from '../errors';

const tags = ['admin'];
const operator = operatorOf;

export function catalogAdminRoutes(deps: CatalogDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/categories',
      tags,
      access: ACCESS.catalogRead,
      summary: '后台分类列表（含子分类数、商品数）',
      response: AdminCategoryList,
      handler: () => adminListCategories(deps),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/categories',
      tags,
      access: ACCESS.catalogWrite,
      summary: '新建分类（最多两级）',
      status: 201,
      body: CreateCategoryRequest,
      response: Category,
      errors: [{ error: E.UNKNOWN_CATEGORY, when: '上级分类不存在' }, E.CATEGORY_TOO_DEEP],
      handler: ({ body, actor, ctx }) => createCategory(deps, body, operator(actor, ctx)),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/v1/categories/:id',
      tags,
      access: ACCESS.catalogWrite,
      summary: '修改分类（名称、上级、排序、图标）',
      params: IdParam,
      body: UpdateCategoryRequest,
      response: Category,
      errors: [E.CATEGORY_NOT_FOUND, { error: E.UNKNOWN_CATEGORY, when: '上级分类不存在' }, E.CATEGORY_TOO_DEEP],
      handler: ({ params, body, actor, ctx }) => updateCategory(deps, params.id, body, operator(actor, ctx)),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/admin/v1/categories/:id',
      tags,
      access: ACCESS.catalogWrite,
      summary: '删除分类（没有子分类和商品时）',
      params: IdParam,
      response: Ok,
      errors: [E.CATEGORY_NOT_FOUND, E.CATEGORY_HAS_CHILDREN, E.CATEGORY_HAS_PRODUCTS],
      handler: ({ params, actor, ctx }) => deleteCategory(deps, params.id, operator(actor, ctx)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/products/:id',
      tags,
      access: ACCESS.catalogRead,
      summary: '后台商品详情（含规格属性与启用中的 SKU）',
      params: IdParam,
      response: AdminProductDetail,
      errors: [E.PRODUCT_NOT_FOUND],
      handler: ({ params }) => adminGetProduct(deps, undefined, params.id),
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/v1/products/:id',
      tags,
      access: ACCESS.catalogWrite,
      summary: '编辑商品：基本信息、图片与整个 SKU 矩阵（移除的 SKU 停用而不删除）',
      params: IdParam,
      body: UpdateProductRequest,
      response: AdminProductDetail,
      errors: [
        E.SKU_DUPLICATE_SPECS,
        E.SKU_SPEC_KEYS_DIFFER,
        E.SKU_NOT_IN_PRODUCT,
        E.SKU_DUPLICATE_ID,
        E.UNKNOWN_CATEGORY,
        E.PRODUCT_NOT_FOUND,
        E.STOCK_CHANGED,
      ],
      handler: ({ params, body, actor, ctx }) => updateProduct(deps, params.id, body, operator(actor, ctx)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/products/:id/shelf',
      tags,
      access: ACCESS.catalogWrite,
      summary: '上架 / 下架',
      params: IdParam,
      body: ShelfRequest,
      response: ShelfResponse,
      errors: [E.PRODUCT_NOT_FOUND],
      handler: ({ params, body, actor, ctx }) => setShelf(deps, params.id, body.onShelf, operator(actor, ctx)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/uploads/images',
      tags,
      access: ACCESS.catalogWrite,
      summary: '上传图片（multipart 字段 file；按文件内容识别类型）',
      status: 201,
      upload: { field: 'file', maxBytes: MAX_IMAGE_BYTES, form: UploadImageForm },
      response: UploadedImage,
      rateLimit: { points: 60, durationSec: 60 },
      errors: [E.IMAGE_MISSING, E.IMAGE_TYPE_UNSUPPORTED, E.IMAGE_TOO_LARGE],
      handler: ({ actor, ctx }) =>
        uploadImage(deps, (ctx.request as { file?: UploadedFile }).file, operator(actor, ctx)),
    }),
  ];
}

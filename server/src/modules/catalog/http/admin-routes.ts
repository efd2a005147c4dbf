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
import { ACCESS } from '../../identity/domain/permissions';
import { adminListCategories, createCategory, deleteCategory, updateCategory } from '../application/categories';
import { adminGetProduct, setShelf, updateProduct } from '../application/edit-product';
import type { CatalogDeps, Operator } from '../application/ports';
import { uploadImage, type UploadedFile } from '../application/upload-image';
import { MAX_IMAGE_BYTES } from '../domain/image-type';

const tags = ['admin'];
const operator = (actor: { operatorId: number }, ctx: { state: Record<string, unknown> }): Operator => ({
  operatorId: actor.operatorId,
  requestId: ctx.state.requestId as string,
});

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
      errors: { 400: '上级不存在 (CATEGORY_NOT_FOUND) 或层级超过两级 (CATEGORY_TOO_DEEP)' },
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
      errors: { 404: '分类不存在', 400: '层级超过两级 (CATEGORY_TOO_DEEP)' },
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
      errors: { 404: '分类不存在', 409: '还有子分类 (CATEGORY_HAS_CHILDREN) 或商品 (CATEGORY_HAS_PRODUCTS)' },
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
      errors: { 404: '商品不存在' },
      handler: ({ params }) => adminGetProduct(deps, params.id),
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
      errors: {
        400: 'SKU 规格冲突、SKU 不属于该商品 (SKU_NOT_IN_PRODUCT) 或分类不存在',
        404: '商品不存在',
        409: '库存已被订单占用，减少量超过剩余库存 (STOCK_CHANGED)',
      },
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
      errors: { 404: '商品不存在' },
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
      errors: { 400: '不是支持的图片类型 (IMAGE_TYPE_UNSUPPORTED) 或缺少文件', 413: '超过 5 MB' },
      handler: ({ actor, ctx }) =>
        uploadImage(deps, (ctx.request as { file?: UploadedFile }).file, operator(actor, ctx)),
    }),
  ];
}

import { ACCESS } from '../../../http/access';
import {
  AdminProductList,
  AdminProductListQuery,
  CategoryList,
  CreateProductRequest,
  CreateProductResponse,
  ProductDetail,
  ProductList,
  ProductListQuery,
} from '../../../contracts/catalog';
import { IdParam } from '../../../contracts/common';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { createProduct } from '../application/create-product';
import type { CatalogDeps } from '../application/ports';
import { adminListProducts, listCategories } from '../application/queries';
import { CatalogErrors as E } from '../errors';

const tags = ['catalog'];

export function catalogRoutes(deps: CatalogDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/categories',
      tags,
      access: 'public',
      summary: '商品分类（两级，parentId 为空的是一级）',
      response: CategoryList,
      handler: () => listCategories(deps),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/products',
      tags,
      access: 'public',
      summary: '商品列表：关键词、分类（含子分类）、分页；只含上架商品',
      query: ProductListQuery,
      response: ProductList,
      handler: ({ query }) => deps.hotReads.listProducts(query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/products/:id',
      tags,
      access: 'public',
      summary: '商品详情（含 SKU 与实时可用库存）',
      params: IdParam,
      response: ProductDetail,
      errors: [{ error: E.PRODUCT_NOT_FOUND, when: '不存在或已下架' }],
      handler: ({ params }) => deps.hotReads.detail.get(params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/products',
      tags: ['admin'],
      access: ACCESS.catalogRead,
      summary: '后台商品列表',
      query: AdminProductListQuery,
      response: AdminProductList,
      handler: ({ query }) => adminListProducts(deps, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/products',
      tags: ['admin'],
      access: ACCESS.catalogWrite,
      summary: '新建商品（SPU + SKU）',
      status: 201,
      body: CreateProductRequest,
      response: CreateProductResponse,
      errors: [E.UNKNOWN_CATEGORY, E.SKU_DUPLICATE_SPECS, E.SKU_SPEC_KEYS_DIFFER],
      handler: ({ body, actor, ctx }) =>
        createProduct(deps, body, { operatorId: actor.operatorId, requestId: ctx.state.requestId as string }),
    }),
  ];
}

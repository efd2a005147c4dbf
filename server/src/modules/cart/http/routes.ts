import { IdParam } from '../../../contracts/common';
import { AddToCart, Cart, SelectAll, UpdateCartLine } from '../../../contracts/order';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { addToCart, removeLine, selectAll, updateLine, viewCart, type CartDeps } from '../application/cart';
import { CartErrors } from '../errors';

const tags = ['cart'];
const write = { points: 120, durationSec: 60 };

export function cartRoutes(deps: CartDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/cart',
      tags,
      access: 'consumer',
      summary: '购物车（价格与库存实时来自商品；失效商品标出原因，不会被悄悄删除）',
      response: Cart,
      handler: ({ actor }) => viewCart(deps, actor.userId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/cart/items',
      tags,
      access: 'consumer',
      summary: '加入购物车（同一规格合并数量，上限 999）',
      body: AddToCart,
      response: Cart,
      rateLimit: write,
      errors: [CartErrors.SKU_NOT_FOUND],
      handler: ({ actor, body }) => addToCart(deps, actor.userId, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/v1/cart/items/:id',
      tags,
      access: 'consumer',
      summary: '修改数量或勾选',
      params: IdParam,
      body: UpdateCartLine,
      response: Cart,
      rateLimit: write,
      errors: [{ error: CartErrors.CART_ITEM_NOT_FOUND, when: '不在你的购物车里' }],
      handler: ({ actor, params, body }) => updateLine(deps, actor.userId, params.id, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/cart/items/:id',
      tags,
      access: 'consumer',
      summary: '移出购物车',
      params: IdParam,
      response: Cart,
      rateLimit: write,
      errors: [{ error: CartErrors.CART_ITEM_NOT_FOUND, when: '不在你的购物车里' }],
      handler: ({ actor, params }) => removeLine(deps, actor.userId, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/cart/select',
      tags,
      access: 'consumer',
      summary: '全选 / 全不选',
      body: SelectAll,
      response: Cart,
      rateLimit: write,
      handler: ({ actor, body }) => selectAll(deps, actor.userId, body.selected),
    }),
  ];
}

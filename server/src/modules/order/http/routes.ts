import { IdParam } from '../../../contracts/common';
import { CreateOrderRequest, Order, OrderStatusResponse, ShipRequest } from '../../../contracts/order';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { placeOrder } from '../application/place-order';
import type { OrderDeps } from '../application/ports';
import { cancelOrder, shipOrder } from '../application/transitions';
import { getAnyOrder, getOwnOrder } from '../application/view';

const tags = ['order'];

export function orderRoutes(deps: OrderDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/orders',
      tags,
      access: 'consumer',
      status: 201,
      summary: '下单：服务端计价、原子预占库存、保存商品快照；支持 Idempotency-Key',
      body: CreateOrderRequest,
      response: Order,
      rateLimit: { points: 60, durationSec: 60 },
      errors: {
        400: '商品已下架 (SKU_UNAVAILABLE) 或 Idempotency-Key 格式错误 (IDEMPOTENCY_KEY_INVALID)',
        404: '收货地址不存在 (ADDRESS_NOT_FOUND)',
        409: '库存不足 (STOCK_INSUFFICIENT)',
      },
      handler: ({ actor, body, ctx }) => placeOrder(deps, actor.userId, body, ctx.get('idempotency-key') || undefined),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/orders/:id',
      tags,
      access: 'consumer',
      summary: '订单详情（他人的订单视为不存在）',
      params: IdParam,
      response: Order,
      errors: { 404: '订单不存在 (ORDER_NOT_FOUND)' },
      handler: ({ actor, params }) => getOwnOrder(deps, actor.userId, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/orders/:id/cancel',
      tags,
      access: 'consumer',
      summary: '取消待付款订单并释放库存',
      params: IdParam,
      response: OrderStatusResponse,
      errors: { 404: '订单不存在 (ORDER_NOT_FOUND)', 409: '订单状态不允许取消 (ORDER_STATE_INVALID)' },
      handler: ({ actor, params }) => cancelOrder(deps, params.id, 'user_cancelled', actor.userId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/orders/:id',
      tags: ['admin'],
      access: { roles: ['customer_service', 'operations', 'finance'] },
      summary: '后台订单详情',
      params: IdParam,
      response: Order,
      errors: { 404: '订单不存在 (ORDER_NOT_FOUND)' },
      handler: ({ params }) => getAnyOrder(deps, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/orders/:id/ship',
      tags: ['admin'],
      access: { roles: ['customer_service'] },
      summary: '发货（快递公司 + 运单号）',
      params: IdParam,
      body: ShipRequest,
      response: OrderStatusResponse,
      errors: { 404: '订单不存在 (ORDER_NOT_FOUND)', 409: '订单不是待发货状态 (ORDER_STATE_INVALID)' },
      handler: ({ params, body }) => shipOrder(deps, params.id, body),
    }),
  ];
}

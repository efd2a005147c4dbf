import { IdParam } from '../../../contracts/common';
import {
  AdminOrderListQuery,
  CheckoutPreview,
  CheckoutPreviewRequest,
  CreateOrderRequest,
  Order,
  OrderList,
  OrderListQuery,
  OrderSettingsDoc,
  OrderStatusResponse,
  ShipRequest,
} from '../../../contracts/order';
import { ORDER_SETTINGS } from '../application/ports';
import { listAllOrders, listOwnOrders } from '../application/lists';
import { previewCheckout } from '../application/price-order';
import { confirmReceipt } from '../application/receipt';
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
      method: 'post',
      path: '/api/v1/checkout/preview',
      tags,
      access: 'consumer',
      summary: '结算预览：与下单完全相同的服务端计价（商品价 → 活动价 → 优惠券 → 运费）',
      body: CheckoutPreviewRequest,
      response: CheckoutPreview,
      rateLimit: { points: 120, durationSec: 60 },
      errors: { 400: '商品不存在或已下架 (SKU_UNAVAILABLE)' },
      handler: ({ body }) => previewCheckout(deps, body.items),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/orders',
      tags,
      access: 'consumer',
      summary: '我的订单（可按状态筛选）',
      query: OrderListQuery,
      response: OrderList,
      handler: ({ actor, query }) => listOwnOrders(deps, actor.userId, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/orders/:id/confirm-receipt',
      tags,
      access: 'consumer',
      summary: '确认收货',
      params: IdParam,
      response: OrderStatusResponse,
      errors: { 404: '订单不存在 (ORDER_NOT_FOUND)', 409: '订单不是已发货状态 (ORDER_STATE_INVALID)' },
      handler: ({ actor, params }) => confirmReceipt(deps, params.id, actor.userId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/orders',
      tags: ['admin'],
      access: { roles: ['customer_service', 'operations', 'finance'] },
      summary: '后台订单列表（状态、订单号、用户筛选）',
      query: AdminOrderListQuery,
      response: OrderList,
      handler: ({ query }) => listAllOrders(deps, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/orders/:id/cancel',
      tags: ['admin'],
      access: { roles: ['customer_service'] },
      summary: '后台取消待付款订单（先关闭微信支付单，再释放库存）',
      params: IdParam,
      response: OrderStatusResponse,
      errors: {
        404: '订单不存在 (ORDER_NOT_FOUND)',
        409: '订单状态不允许取消 (ORDER_STATE_INVALID / ORDER_ALREADY_PAID)',
      },
      handler: ({ params }) => cancelOrder(deps, params.id, 'operator_cancelled'),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/settings/order',
      tags: ['admin'],
      access: { roles: ['operations'] },
      summary: '订单设置：支付超时、自动确认收货天数、运费与包邮门槛',
      response: OrderSettingsDoc,
      handler: () => deps.settingsStore.get(ORDER_SETTINGS),
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/v1/settings/order',
      tags: ['admin'],
      access: { roles: ['operations'] },
      summary: '修改订单设置（新订单立即生效，各实例 5 秒内生效）',
      body: OrderSettingsDoc,
      response: OrderSettingsDoc,
      handler: ({ body, actor }) => deps.settingsStore.set(ORDER_SETTINGS, body, actor.operatorId),
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

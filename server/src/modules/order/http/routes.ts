import { ACCESS } from '../../../http/access';
import { IdParam } from '../../../contracts/common';
import {
  AdminOrderList,
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
import { operatorOf } from '../../../http/operator';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { placeOrder } from '../application/place-order';
import type { OrderDeps } from '../application/ports';
import { cancelOrder, shipOrder } from '../application/transitions';
import { getAnyOrder, getOwnOrder } from '../application/view';
import { ORDER_PLACEMENT_ERRORS, OrderErrors, PRICING_ERRORS } from '../errors';
import { PlatformErrors } from '../../../kernel/errors';
import { AddressErrors } from '../../address';
import { CatalogErrors } from '../../catalog';
import { PaymentErrors } from '../../payment';

const tags = ['order'];
const E = OrderErrors;

export function orderRoutes(deps: OrderDeps): RouteSpec[] {
  // other modules' errors are read here, when the routes are built, never at import (modules import each other)
  /** cancelling closes the channel orders first: a payment found there makes the order uncancellable */
  const cancelErrors = [
    E.ORDER_NOT_FOUND,
    E.ORDER_STATE_INVALID,
    E.ORDER_ALREADY_PAID,
    PaymentErrors.PAYMENT_CHANNEL_UNAVAILABLE,
  ];
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
      errors: [
        PlatformErrors.IDEMPOTENCY_KEY_INVALID,
        PlatformErrors.IDEMPOTENCY_KEY_REUSED,
        AddressErrors.ADDRESS_NOT_FOUND,
        ...ORDER_PLACEMENT_ERRORS,
        CatalogErrors.STOCK_INSUFFICIENT,
      ],
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
      errors: [E.ORDER_NOT_FOUND],
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
      errors: cancelErrors,
      handler: ({ actor, params }) => cancelOrder(deps, params.id, 'user_cancelled', { userId: actor.userId }),
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
      errors: PRICING_ERRORS,
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
      errors: [E.ORDER_NOT_FOUND, E.ORDER_STATE_INVALID],
      handler: ({ actor, params }) => confirmReceipt(deps, params.id, actor.userId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/orders',
      tags: ['admin'],
      access: ACCESS.ordersRead,
      summary: '后台订单列表（状态、订单号、用户筛选）',
      query: AdminOrderListQuery,
      response: AdminOrderList,
      handler: ({ query }) => listAllOrders(deps, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/orders/:id/cancel',
      tags: ['admin'],
      access: ACCESS.ordersWrite,
      summary: '后台取消待付款订单（先关闭微信支付单，再释放库存）',
      params: IdParam,
      response: OrderStatusResponse,
      errors: cancelErrors,
      handler: ({ params, actor, ctx }) =>
        cancelOrder(deps, params.id, 'operator_cancelled', { by: operatorOf(actor, ctx) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/settings/order',
      tags: ['admin'],
      access: ACCESS.settingsWrite,
      summary: '订单设置：支付超时、自动确认收货天数、运费与包邮门槛',
      response: OrderSettingsDoc,
      handler: () => deps.settingsStore.get(undefined, ORDER_SETTINGS),
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/v1/settings/order',
      tags: ['admin'],
      access: ACCESS.settingsWrite,
      summary: '修改订单设置（新订单立即生效，各实例 5 秒内生效）',
      body: OrderSettingsDoc,
      response: OrderSettingsDoc,
      handler: ({ body, actor, ctx }) => deps.settingsStore.set(ORDER_SETTINGS, body, operatorOf(actor, ctx)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/orders/:id',
      tags: ['admin'],
      access: ACCESS.ordersRead,
      summary: '后台订单详情',
      params: IdParam,
      response: Order,
      errors: [E.ORDER_NOT_FOUND],
      handler: ({ params }) => getAnyOrder(deps, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/orders/:id/ship',
      tags: ['admin'],
      access: ACCESS.ordersWrite,
      summary: '发货（快递公司 + 运单号）',
      params: IdParam,
      body: ShipRequest,
      response: OrderStatusResponse,
      errors: [E.ORDER_NOT_FOUND, E.ORDER_STATE_INVALID],
      handler: ({ params, body, actor, ctx }) => shipOrder(deps, operatorOf(actor, ctx), params.id, body),
    }),
  ];
}

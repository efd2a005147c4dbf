import { ACCESS } from '../../../http/access';
import { IdParam } from '../../../contracts/common';
import {
  AfterSale,
  AfterSaleList,
  AfterSaleListQuery,
  AfterSaleRequest,
  RejectRequest,
  ReturnShipment,
} from '../../../contracts/after-sale';
import { operatorOf } from '../../../http/operator';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { approveAfterSale, operatorRefund, receiveReturn, rejectAfterSale } from '../application/decisions';
import { z } from '../../../contracts/zod';
import { Fen } from '../../../contracts/common';
import type { AfterSaleDeps } from '../application/ports';
import { cancelAfterSale, requestAfterSale, submitReturn } from '../application/requests';
import { getAfterSale, listAfterSales } from '../application/view';
import { AfterSaleErrors } from '../errors';
import { PlatformErrors } from '../../../kernel/errors';
import { OrderErrors } from '../../order';
import { PaymentErrors } from '../../payment';

const tags = ['after-sale'];
const staff = ACCESS.afterSales;
const E = AfterSaleErrors;
const stateErrors = [E.AFTER_SALE_NOT_FOUND, E.AFTER_SALE_STATE_INVALID];

export function afterSaleRoutes(deps: AfterSaleDeps): RouteSpec[] {
  // other modules' errors are read here, when the routes are built, never at import (modules import each other)
  /** a decision that refunds: the payment refuses a refund above what is left to refund */
  const refundingErrors = [...stateErrors, PaymentErrors.ORDER_NOT_PAID, PaymentErrors.REFUND_EXCEEDS_PAID];
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/orders/:id/after-sales',
      tags,
      access: 'consumer',
      status: 201,
      summary: '申请售后：未发货仅退款 / 已发货退货退款，可按行、按数量部分申请',
      params: IdParam,
      body: AfterSaleRequest,
      response: AfterSale,
      rateLimit: { points: 20, durationSec: 60 },
      errors: [
        PlatformErrors.IDEMPOTENCY_KEY_INVALID,
        PlatformErrors.IDEMPOTENCY_KEY_REUSED,
        OrderErrors.ORDER_NOT_FOUND,
        E.AFTER_SALE_NOT_ALLOWED,
        E.AFTER_SALE_OPEN,
        E.AFTER_SALE_QUANTITY_INVALID,
        E.AFTER_SALE_NOTHING_REFUNDABLE,
      ],
      handler: ({ actor, params, body, ctx }) =>
        requestAfterSale(deps, actor.userId, params.id, body, ctx.get('idempotency-key') || undefined),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/after-sales',
      tags,
      access: 'consumer',
      summary: '我的售后申请',
      query: AfterSaleListQuery,
      response: AfterSaleList,
      handler: ({ actor, query }) => listAfterSales(deps, query, { userId: actor.userId }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/after-sales/:id',
      tags,
      access: 'consumer',
      summary: '售后申请详情',
      params: IdParam,
      response: AfterSale,
      errors: [E.AFTER_SALE_NOT_FOUND],
      handler: ({ actor, params }) => getAfterSale(deps, params.id, actor.userId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/after-sales/:id/cancel',
      tags,
      access: 'consumer',
      summary: '撤销售后申请（订单回到原状态）',
      params: IdParam,
      response: AfterSale,
      errors: stateErrors,
      handler: ({ actor, params }) => cancelAfterSale(deps, actor.userId, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/after-sales/:id/return',
      tags,
      access: 'consumer',
      summary: '填写退货物流',
      params: IdParam,
      body: ReturnShipment,
      response: AfterSale,
      errors: stateErrors,
      handler: ({ actor, params, body }) => submitReturn(deps, actor.userId, params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/after-sales',
      tags: ['admin'],
      access: staff,
      summary: '后台售后列表',
      query: AfterSaleListQuery,
      response: AfterSaleList,
      handler: ({ query }) => listAfterSales(deps, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/after-sales/:id/approve',
      tags: ['admin'],
      access: staff,
      summary: '同意：仅退款立即原路退款并回补库存；退货退款等待买家寄回',
      params: IdParam,
      response: AfterSale,
      errors: refundingErrors,
      handler: ({ params, actor, ctx }) => approveAfterSale(deps, operatorOf(actor, ctx), params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/after-sales/:id/receive',
      tags: ['admin'],
      access: staff,
      summary: '确认收到退货：原路退款并回补库存',
      params: IdParam,
      response: AfterSale,
      errors: refundingErrors,
      handler: ({ params, actor, ctx }) => receiveReturn(deps, operatorOf(actor, ctx), params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/orders/:id/refund',
      tags: ['admin'],
      access: staff,
      summary: '商家整单退款（未发货：待成团或待发货），原路退回并回补库存',
      params: IdParam,
      body: RejectRequest,
      response: z.object({ status: z.literal('refunding'), amountFen: Fen }),
      errors: [OrderErrors.ORDER_NOT_FOUND, OrderErrors.ORDER_STATE_INVALID],
      handler: ({ params, body, actor, ctx }) => operatorRefund(deps, operatorOf(actor, ctx), params.id, body.note),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/after-sales/:id/reject',
      tags: ['admin'],
      access: staff,
      summary: '驳回（订单回到原状态）',
      params: IdParam,
      body: RejectRequest,
      response: AfterSale,
      errors: stateErrors,
      handler: ({ params, body, actor, ctx }) => rejectAfterSale(deps, operatorOf(actor, ctx), params.id, body.note),
    }),
  ];
}

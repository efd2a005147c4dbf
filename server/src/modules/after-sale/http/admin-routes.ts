// The operator's after-sale routes: the list (searchable by order number), decisions (each audited), a whole-order
// refund, and the return address setting.
import { ACCESS } from '../../../http/access';
import { IdParam, Fen } from '../../../contracts/common';
import {
  AfterSale,
  AfterSaleList,
  AfterSaleListQuery,
  AfterSaleSettingsDoc,
  RejectRequest,
} from '../../../contracts/after-sale';
import { z } from '../../../contracts/zod';
import { operatorOf } from '../../../http/operator';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { approveAfterSale, operatorRefund, receiveReturn, rejectAfterSale } from '../application/decisions';
import type { AfterSaleDeps } from '../application/ports';
import { AFTER_SALE_SETTINGS } from '../application/settings';
import { listAfterSales } from '../application/view';
import { AfterSaleErrors as E } from '../errors';
import { OrderErrors } from '../../order';
import { PaymentErrors } from '../../payment';

const tags = ['admin'];
const staff = ACCESS.afterSales;
const stateErrors = [E.AFTER_SALE_NOT_FOUND, E.AFTER_SALE_STATE_INVALID];

export function afterSaleAdminRoutes(deps: AfterSaleDeps): RouteSpec[] {
  /** a decision that refunds: the payment refuses a refund above what is left to refund */
  const refundingErrors = [...stateErrors, PaymentErrors.ORDER_NOT_PAID, PaymentErrors.REFUND_EXCEEDS_PAID];
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/after-sales',
      tags,
      access: staff,
      summary: '后台售后列表（orderNo：按订单号查找）',
      query: AfterSaleListQuery,
      response: AfterSaleList,
      handler: ({ query }) => listAfterSales(deps, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/after-sales/:id/approve',
      tags,
      access: staff,
      summary: '同意：仅退款立即原路退款并回补库存；退货退款把退货地址告诉买家，等待买家寄回',
      params: IdParam,
      response: AfterSale,
      errors: [...refundingErrors, E.RETURN_ADDRESS_MISSING],
      handler: ({ params, actor, ctx }) => approveAfterSale(deps, operatorOf(actor, ctx), params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/after-sales/:id/receive',
      tags,
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
      tags,
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
      tags,
      access: staff,
      summary: '驳回（订单回到原状态）',
      params: IdParam,
      body: RejectRequest,
      response: AfterSale,
      errors: stateErrors,
      handler: ({ params, body, actor, ctx }) => rejectAfterSale(deps, operatorOf(actor, ctx), params.id, body.note),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/settings/after-sale',
      tags,
      access: ACCESS.settingsWrite,
      summary: '售后设置：退货地址',
      response: AfterSaleSettingsDoc,
      handler: () => deps.settingsStore.get(undefined, AFTER_SALE_SETTINGS),
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/v1/settings/after-sale',
      tags,
      access: ACCESS.settingsWrite,
      summary: '修改售后设置（之后同意的退货使用新地址）',
      body: AfterSaleSettingsDoc,
      response: AfterSaleSettingsDoc,
      handler: ({ body, actor, ctx }) => deps.settingsStore.set(AFTER_SALE_SETTINGS, body, operatorOf(actor, ctx)),
    }),
  ];
}

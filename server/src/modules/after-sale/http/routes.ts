// The buyer's after-sale routes: request (reason from the fixed list, quantities per line, a note), photos, the
// return shipment, cancel, and what is still available to ask for.
import { IdParam } from '../../../contracts/common';
import {
  AfterSale,
  AfterSaleAvailability,
  AfterSaleList,
  AfterSaleListQuery,
  AfterSalePhoto,
  AfterSaleRequest,
  ReturnShipment,
  UploadPhotoForm,
} from '../../../contracts/after-sale';
import { defineRoute, type RouteSpec } from '../../../http/route';
import type { AfterSaleDeps, UploadedFile } from '../application/ports';
import { addAfterSalePhoto } from '../application/photos';
import { afterSaleAvailability, cancelAfterSale, requestAfterSale, submitReturn } from '../application/requests';
import { getAfterSale, listAfterSales } from '../application/view';
import { AfterSaleErrors as E } from '../errors';
import { PlatformErrors } from '../../../kernel/errors';
import { CatalogErrors, MAX_IMAGE_BYTES } from '../../catalog';
import { OrderErrors } from '../../order';
import { afterSaleAdminRoutes } from './admin-routes';

const tags = ['after-sale'];
const stateErrors = [E.AFTER_SALE_NOT_FOUND, E.AFTER_SALE_STATE_INVALID];

export function afterSaleRoutes(deps: AfterSaleDeps): RouteSpec[] {
  // other modules' errors are read here, when the routes are built, never at import (modules import each other)
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/orders/:id/after-sales',
      tags,
      access: 'consumer',
      status: 201,
      summary: '申请售后：未发货仅退款 / 已发货退货退款，可按行、按数量部分申请；原因从固定列表中选择',
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
      path: '/api/v1/orders/:id/after-sales/available',
      tags,
      access: 'consumer',
      summary: '每一行还能申请售后的数量（已购数量减去进行中和已退的售后）',
      params: IdParam,
      response: AfterSaleAvailability,
      errors: [OrderErrors.ORDER_NOT_FOUND],
      handler: ({ actor, params }) => afterSaleAvailability(deps, actor.userId, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/after-sales',
      tags,
      access: 'consumer',
      summary: '我的售后申请（orderId：某个订单的）',
      query: AfterSaleListQuery,
      response: AfterSaleList,
      handler: ({ actor, query }) => listAfterSales(deps, query, { userId: actor.userId }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/after-sales/:id',
      tags,
      access: 'consumer',
      summary: '售后申请详情（退货时含退货地址）',
      params: IdParam,
      response: AfterSale,
      errors: [E.AFTER_SALE_NOT_FOUND],
      handler: ({ actor, params }) => getAfterSale(deps, params.id, actor.userId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/after-sales/:id/photos',
      tags,
      access: 'consumer',
      status: 201,
      summary: '上传售后凭证图片（multipart 字段 file；按文件内容识别类型；每个申请最多 3 张）',
      params: IdParam,
      upload: { field: 'file', maxBytes: MAX_IMAGE_BYTES, form: UploadPhotoForm },
      response: AfterSalePhoto,
      rateLimit: { points: 20, durationSec: 60 },
      errors: [
        ...stateErrors,
        E.AFTER_SALE_PHOTO_LIMIT,
        CatalogErrors.IMAGE_MISSING,
        CatalogErrors.IMAGE_TYPE_UNSUPPORTED,
        CatalogErrors.IMAGE_TOO_LARGE,
      ],
      handler: ({ actor, params, ctx }) =>
        addAfterSalePhoto(deps, actor.userId, params.id, (ctx.request as { file?: UploadedFile }).file),
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
    ...afterSaleAdminRoutes(deps),
  ];
}

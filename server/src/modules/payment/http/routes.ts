import { ACCESS } from '../../../http/access';
import { z } from '../../../contracts/zod';
import { IdParam } from '../../../contracts/common';
import {
  AlipayNotification,
  OrderPayments,
  PayRequest,
  PayResponse,
  WechatNotification,
} from '../../../contracts/payment';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { signedHeaders } from '../../../platform/wechatpay/wechatpay-client';
import type { PaymentDeps } from '../application/ports';
import { startAlipayPayment, startWechatPayment } from '../application/start-payment';
import { handleAlipayNotification } from '../application/alipay-notifications';
import { paymentsOfOrder } from '../application/view';
import { handlePaymentNotification, handleRefundNotification } from '../application/wechat-notifications';
import { PaymentErrors } from '../errors';
import { OrderErrors } from '../../order';

const tags = ['payment'];
/** what the handler answers; on the wire success is 204 with no body, failure {code:"FAIL",message} */
const NotifyReply = z.object({
  status: z.number().int(),
  body: z.object({ code: z.literal('FAIL'), message: z.string() }).optional(),
});
const rawBodyOf = (ctx: { request: unknown }) => (ctx.request as { rawBody?: string }).rawBody ?? '';
/** a WeChat Pay notification is answered in WeChat Pay's format, outside the error envelope */
const notifyErrors = [
  { status: 400, raw: '报文无法解密或与订单不符：{"code":"FAIL"}' },
  { status: 401, raw: '签名验证失败、时间戳过期或探测请求 (WECHATPAY/SIGNTEST/)：{"code":"FAIL"}' },
] as const;

export function paymentRoutes(deps: PaymentDeps): RouteSpec[] {
  // other modules' errors are read here, when the routes are built, never at import (modules import each other)
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/orders/:id/pay',
      tags,
      access: 'consumer',
      summary: '发起支付：微信返回 wx.requestPayment 参数（JSAPI 预下单），金额以服务端订单为准',
      params: IdParam,
      body: PayRequest,
      response: PayResponse,
      rateLimit: { points: 30, durationSec: 60 },
      errors: [
        OrderErrors.ORDER_NOT_FOUND,
        PaymentErrors.ORDER_NOT_PAYABLE,
        PaymentErrors.ORDER_PAYMENT_EXPIRED,
        OrderErrors.ORDER_ALREADY_PAID,
        PaymentErrors.CHANNEL_LOGIN_REQUIRED,
        PaymentErrors.PAYMENT_CHANNEL_UNAVAILABLE,
      ],
      handler: ({ actor, params, body }) =>
        body.channel === 'alipay'
          ? startAlipayPayment(deps, actor.userId, params.id)
          : startWechatPayment(deps, actor.userId, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/orders/:id/payments',
      tags,
      access: 'consumer',
      summary: '订单的支付与退款记录（他人的订单视为不存在）',
      params: IdParam,
      response: OrderPayments,
      errors: [OrderErrors.ORDER_NOT_FOUND],
      handler: async ({ actor, params }) => {
        await deps.orders.forPayment(undefined, params.id, { userId: actor.userId });
        return paymentsOfOrder(deps, params.id);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/orders/:id/payments',
      tags: ['admin'],
      access: ACCESS.paymentsRead,
      summary: '后台：订单的支付与退款记录',
      params: IdParam,
      response: OrderPayments,
      errors: [OrderErrors.ORDER_NOT_FOUND],
      handler: async ({ params }) => {
        await deps.orders.forPayment(undefined, params.id);
        return paymentsOfOrder(deps, params.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/payments/wechat/notify',
      tags,
      access: 'public',
      status: 204,
      rawReply: true,
      summary: '微信支付结果通知（验签原始报文 → AES-256-GCM 解密 → 幂等入账）；成功 204 无正文',
      rawBody: WechatNotification,
      response: NotifyReply,
      errors: notifyErrors,
      handler: ({ ctx }) => handlePaymentNotification(deps, signedHeaders(ctx.headers), rawBodyOf(ctx)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/payments/alipay/notify',
      tags,
      access: 'public',
      rawReply: true,
      summary: '支付宝异步通知（表单，RSA2 验签）；处理成功回复纯文本 success',
      rawBody: AlipayNotification,
      response: z.object({ status: z.number().int(), body: z.enum(['success', 'fail']) }),
      errors: [{ status: 400, raw: '验签失败或与订单不符：纯文本 fail' }],
      handler: ({ ctx }) => handleAlipayNotification(deps, (ctx.request.body ?? {}) as Record<string, string>),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/payments/wechat/refund-notify',
      tags,
      access: 'public',
      status: 204,
      rawReply: true,
      summary: '微信支付退款结果通知；成功 204 无正文',
      rawBody: WechatNotification,
      response: NotifyReply,
      errors: notifyErrors,
      handler: ({ ctx }) => handleRefundNotification(deps, signedHeaders(ctx.headers), rawBodyOf(ctx)),
    }),
  ];
}

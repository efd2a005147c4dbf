import { Fen, Id } from './common';
import { z } from './zod';

export const PayRequest = z
  .object({ channel: z.enum(['wechat', 'alipay']).default('wechat') })
  .openapi('PayRequest', { description: '发起支付；金额由服务端按订单计算' });

export const WechatPayParams = z
  .object({
    channel: z.literal('wechat'),
    orderNo: z.string(),
    payableFen: Fen,
    prepayId: z.string(),
    timeStamp: z.string(),
    nonceStr: z.string(),
    package: z.string().openapi({ example: 'prepay_id=wx201410272009395522657a690389285100' }),
    signType: z.literal('RSA'),
    paySign: z.string(),
  })
  .openapi('WechatPayParams', { description: '直接交给 wx.requestPayment / Taro.requestPayment 的参数' });

export const AlipayPayParams = z
  .object({ channel: z.literal('alipay'), orderNo: z.string(), payableFen: Fen, tradeNO: z.string() })
  .openapi('AlipayPayParams', { description: '交给 my.tradePay / Taro.tradePay 的 tradeNO' });

export const PayResponse = z.discriminatedUnion('channel', [WechatPayParams, AlipayPayParams]);

/** What WeChat Pay posts (documented for completeness; the handler reads the raw bytes to verify them). */
export const WechatNotification = z
  .object({
    id: z.string(),
    create_time: z.string(),
    resource_type: z.literal('encrypt-resource'),
    event_type: z.string().openapi({ example: 'TRANSACTION.SUCCESS' }),
    summary: z.string(),
    resource: z.object({
      original_type: z.string(),
      algorithm: z.literal('AEAD_AES_256_GCM'),
      ciphertext: z.string(),
      associated_data: z.string(),
      nonce: z.string(),
    }),
  })
  .openapi('WechatPayNotification');

export const RefundView = z
  .object({
    id: Id,
    outRefundNo: z.string(),
    amountFen: Fen,
    reason: z.string(),
    status: z.enum(['pending', 'processing', 'succeeded', 'failed']),
    createdAt: z.string().openapi({ format: 'date-time' }),
    succeededAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('Refund');

export const OrderPayments = z
  .object({
    payments: z.array(
      z.object({
        channel: z.enum(['wechat', 'alipay']),
        status: z.enum(['created', 'paid', 'closed']),
        amountFen: Fen,
        paidFen: Fen,
        transactionId: z.string().nullable(),
        paidAt: z.string().nullable().openapi({ format: 'date-time' }),
      }),
    ),
    refunds: z.array(RefundView),
  })
  .openapi('OrderPayments');

export const AlipayNotification = z
  .object({
    notify_id: z.string(),
    app_id: z.string(),
    trade_no: z.string(),
    out_trade_no: z.string(),
    trade_status: z.string().openapi({ example: 'TRADE_SUCCESS' }),
    total_amount: z.string().openapi({ example: '99.00' }),
    sign_type: z.literal('RSA2'),
    sign: z.string(),
  })
  .loose()
  .openapi('AlipayNotification', { description: 'application/x-www-form-urlencoded' });

export type WechatPayParams = z.infer<typeof WechatPayParams>;
export type AlipayPayParams = z.infer<typeof AlipayPayParams>;
export type PayResponse = z.infer<typeof PayResponse>;
export type OrderPayments = z.infer<typeof OrderPayments>;

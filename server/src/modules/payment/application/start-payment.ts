// Starting a payment: the order's amount (server side, never the client's), one payment row per order and
// channel (out_trade_no = order number), then the channel's prepay: WeChat JSAPI → the parameters for
// `wx.requestPayment`; Alipay trade.create → the tradeNO for `my.tradePay`.
import { AppError, conflict } from '../../../kernel/errors';
import { inTransaction } from '../../../platform/db/transaction';
import type { RequestPaymentParams } from '../../../platform/wechatpay/wechatpay-client';
import type { PaymentChannel } from '../domain/lifecycle';
import type { OrderForPayment, PaymentDeps } from './ports';

export interface WechatPayStart extends RequestPaymentParams {
  channel: 'wechat';
  orderNo: string;
  prepayId: string;
  payableFen: number;
}

export interface AlipayStart {
  channel: 'alipay';
  orderNo: string;
  payableFen: number;
  tradeNO: string;
}

const unavailable = (name: string) =>
  new AppError('unavailable', 'PAYMENT_CHANNEL_UNAVAILABLE', `${name}暂时不可用，请稍后重试`);

async function prepare(deps: PaymentDeps, userId: number, orderId: number, channel: PaymentChannel) {
  const order = await deps.orders.ownOrder(userId, orderId);
  if (order.status !== 'pending_payment')
    throw conflict('ORDER_NOT_PAYABLE', '订单不是待付款状态', { status: order.status });
  const remainingMs = order.payDeadline.getTime() - deps.clock.now().getTime();
  if (remainingMs <= 0) throw conflict('ORDER_PAYMENT_EXPIRED', '订单已超过支付时限');
  const payer = await deps.payerOpenid(userId, channel);
  if (!payer) throw new AppError('conflict', 'CHANNEL_LOGIN_REQUIRED', '请先用该渠道登录后再支付');
  const payment = await inTransaction(deps.sequelize, deps.db, async (t) => {
    const [row] = await deps.models.Payment.findOrCreate({
      where: { channel, outTradeNo: order.orderNo },
      defaults: {
        orderId: order.id,
        channel,
        outTradeNo: order.orderNo,
        amountFen: order.payableFen,
        status: 'created',
      },
      transaction: t,
    });
    return row.get({ plain: true });
  });
  if (payment.status === 'paid') throw conflict('ORDER_ALREADY_PAID', '订单已支付');
  if (payment.status === 'closed') throw conflict('ORDER_NOT_PAYABLE', '支付单已关闭');
  // channel expiry is wall time: the business deadline minus what is left of it now
  return { order, payment, payer, expiresAt: new Date(Date.now() + remainingMs) };
}

async function remember(deps: PaymentDeps, paymentId: number, prepayId: string) {
  await deps.models.Payment.update(
    { prepayId, preparedAt: deps.clock.now() },
    { where: { id: paymentId, status: 'created' } },
  );
}

export async function startWechatPayment(deps: PaymentDeps, userId: number, orderId: number): Promise<WechatPayStart> {
  const { order, payment, payer, expiresAt } = await prepare(deps, userId, orderId, 'wechat');
  const res = await deps.wechatPay.jsapiPrepay({
    outTradeNo: order.orderNo,
    description: order.description,
    amountFen: payment.amountFen,
    openid: payer,
    expiresAt,
  });
  if (!res.ok) {
    if (res.code === 'ORDERPAID') throw conflict('ORDER_ALREADY_PAID', '订单已支付，请稍候刷新');
    deps.logger.warn({ orderId, code: res.code, message: res.message }, 'WeChat Pay prepay failed');
    throw unavailable('微信支付');
  }
  await remember(deps, payment.id, res.data.prepayId);
  return {
    channel: 'wechat',
    orderNo: order.orderNo,
    prepayId: res.data.prepayId,
    payableFen: payment.amountFen,
    ...res.data.params,
  };
}

export async function startAlipayPayment(deps: PaymentDeps, userId: number, orderId: number): Promise<AlipayStart> {
  const { order, payment, payer, expiresAt } = await prepare(deps, userId, orderId, 'alipay');
  const res = await deps.alipay.tradeCreate({
    outTradeNo: order.orderNo,
    amountFen: payment.amountFen,
    subject: (order as OrderForPayment).description,
    buyerId: payer,
    notifyUrl: `${deps.publicBase()}/api/v1/payments/alipay/notify`,
    expiresAt,
  });
  if (!res.ok) {
    if (res.subCode === 'ACQ.TRADE_HAS_SUCCESS') throw conflict('ORDER_ALREADY_PAID', '订单已支付，请稍候刷新');
    deps.logger.warn({ orderId, subCode: res.subCode }, 'Alipay trade.create failed');
    throw unavailable('支付宝');
  }
  const tradeNo = String(res.data.tradeNo);
  await remember(deps, payment.id, tradeNo);
  return { channel: 'alipay', orderNo: order.orderNo, payableFen: payment.amountFen, tradeNO: tradeNo };
}

// Starting a payment: the order's amount (server side, never the client's), one payment row per order and
// channel (out_trade_no = order number), then the channel's prepay: WeChat JSAPI → the parameters for
// `wx.requestPayment`; Alipay trade.create → the tradeNO for `my.tradePay`.
//
// Two transactions, both under the order's row lock (the lock a cancel takes before it cancels):
//  1. the order must be pending and inside its deadline; the payment row is found or created and committed
//     before any channel hears of it, so a cancel or the payment-query job always knows the channel order;
//     racing starts queue on the lock, so exactly one creates the row (never a unique-key race).
//  2. the order is checked again, the payment row locked (a close holds the same lock while it closes the
//     channel order: close-payments.ts) and still open, and only then the channel is asked for the prepay.
// So a prepay never reaches the channel for a cancelled, expired or closed order, and a cancel that comes after
// a prepay sees its open payment row and closes it first (order/application/transitions.ts `cancelOrder`).
import { inTransaction } from '../../../platform/db/transaction';
import type { RequestPaymentParams } from '../../../platform/wechatpay/wechatpay-client';
import type { PaymentChannel } from '../domain/lifecycle';
import { PaymentErrors } from '../errors';
import { OrderErrors } from '../../order';
import type { PaymentAttrs } from '../persistence/models';
import type { OrderForPayment, PaymentDeps } from './ports';
import { lockPayment } from './refunds';

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

const channelUnavailable = (name: string) =>
  PaymentErrors.PAYMENT_CHANNEL_UNAVAILABLE(undefined, `${name}暂时不可用，请稍后重试`);
const alreadyPaid = () => OrderErrors.ORDER_ALREADY_PAID(undefined, '订单已支付，请稍候刷新');
const paymentClosed = () => PaymentErrors.ORDER_NOT_PAYABLE({ status: 'closed' }, '支付单已关闭');

/** A pending order inside its deadline, or the 409 that says why not; answers the time left. */
function payable(deps: PaymentDeps, order: OrderForPayment): number {
  if (order.status !== 'pending_payment') throw PaymentErrors.ORDER_NOT_PAYABLE({ status: order.status });
  const remainingMs = order.payDeadline.getTime() - deps.clock.now().getTime();
  if (remainingMs <= 0) throw PaymentErrors.ORDER_PAYMENT_EXPIRED();
  return remainingMs;
}

function stillOpen(payment: PaymentAttrs | undefined): PaymentAttrs {
  if (!payment || payment.status === 'closed') throw paymentClosed();
  if (payment.status === 'paid') throw OrderErrors.ORDER_ALREADY_PAID();
  return payment;
}

/** Transaction 1: the payment row of this order and channel, created once under the order's row lock. */
async function paymentRow(deps: PaymentDeps, userId: number, orderId: number, channel: PaymentChannel) {
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const order = await deps.orders.forPayment(t, orderId, { userId, lock: true });
    payable(deps, order);
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
    return stillOpen(row.get({ plain: true })).id;
  });
}

/** the channel's prepay for the order (`payer`: the payer's id on that channel; `expiresAt`: wall time) */
type Prepay<R> = (start: {
  order: OrderForPayment;
  payment: PaymentAttrs;
  payer: string;
  expiresAt: Date;
}) => Promise<{ reply: R; prepayId: string }>;

/** Transaction 2: the channel's prepay, under the order's and the payment's row locks, then remembered. */
async function start<R>(
  deps: PaymentDeps,
  userId: number,
  orderId: number,
  channel: PaymentChannel,
  prepay: Prepay<R>,
) {
  // the owner's order or 404, and the cheap refusals, before anything is written
  payable(deps, await deps.orders.forPayment(undefined, orderId, { userId }));
  const payer = await deps.payerOpenid(userId, channel);
  if (!payer) throw PaymentErrors.CHANNEL_LOGIN_REQUIRED();
  const paymentId = await paymentRow(deps, userId, orderId, channel);
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const order = await deps.orders.forPayment(t, orderId, { userId, lock: true });
    const remainingMs = payable(deps, order);
    const payment = stillOpen(await lockPayment(deps, t, { id: paymentId }));
    // channel expiry is wall time: the business deadline minus what is left of it now
    const { reply, prepayId } = await prepay({ order, payment, payer, expiresAt: new Date(Date.now() + remainingMs) });
    await deps.models.Payment.update(
      { prepayId, preparedAt: deps.clock.now() },
      { where: { id: payment.id, status: 'created' }, transaction: t },
    );
    return reply;
  });
}

export async function startWechatPayment(deps: PaymentDeps, userId: number, orderId: number): Promise<WechatPayStart> {
  return start<WechatPayStart>(deps, userId, orderId, 'wechat', async ({ order, payment, payer, expiresAt }) => {
    const res = await deps.wechatPay.jsapiPrepay({
      outTradeNo: order.orderNo,
      description: order.description,
      amountFen: payment.amountFen,
      openid: payer,
      expiresAt,
    });
    if (!res.ok) {
      if (res.code === 'ORDERPAID') throw alreadyPaid();
      if (res.code === 'ORDER_CLOSED') throw paymentClosed();
      deps.logger.warn({ orderId, code: res.code, message: res.message }, 'WeChat Pay prepay failed');
      throw channelUnavailable('微信支付');
    }
    const { prepayId, params } = res.data;
    return {
      prepayId,
      reply: { channel: 'wechat', orderNo: order.orderNo, prepayId, payableFen: payment.amountFen, ...params },
    };
  });
}

export async function startAlipayPayment(deps: PaymentDeps, userId: number, orderId: number): Promise<AlipayStart> {
  return start<AlipayStart>(deps, userId, orderId, 'alipay', async ({ order, payment, payer, expiresAt }) => {
    const res = await deps.alipay.tradeCreate({
      outTradeNo: order.orderNo,
      amountFen: payment.amountFen,
      subject: order.description,
      buyerId: payer,
      notifyUrl: `${deps.publicBase()}/api/v1/payments/alipay/notify`,
      expiresAt,
    });
    if (!res.ok) {
      if (res.subCode === 'ACQ.TRADE_HAS_SUCCESS') throw alreadyPaid();
      if (res.subCode === 'ACQ.TRADE_HAS_CLOSE') throw paymentClosed();
      deps.logger.warn({ orderId, subCode: res.subCode }, 'Alipay trade.create failed');
      throw channelUnavailable('支付宝');
    }
    const tradeNo = String(res.data.tradeNo);
    return {
      prepayId: tradeNo,
      reply: { channel: 'alipay', orderNo: order.orderNo, payableFen: payment.amountFen, tradeNO: tradeNo },
    };
  });
}

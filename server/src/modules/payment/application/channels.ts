// One shape for every payment channel, so closing, querying and refunding read the same whatever the channel:
// WeChat Pay v3 (through our wechatpay-node-v3 client) and Alipay (through alipay-sdk).
import { parseShanghaiDateTime } from '../../../kernel/shanghai-time';
import { yuanToFenOrNaN as yuanToFen } from '../../../platform/alipay/alipay-client';
import type { PaymentChannel } from '../domain/lifecycle';
import type { ConfirmedPayment } from './apply-payment';
import type { PaymentDeps } from './ports';
import { parseSuccessTime } from './transaction-facts';

export type RefundAnswer =
  | { kind: 'succeeded'; channelRefundId?: string }
  | { kind: 'processing'; channelRefundId?: string }
  | { kind: 'failed'; reason: string }
  /** a transient error: try again later */
  | { kind: 'retry'; reason: string };

export interface ChannelGateway {
  /** closed (or never seen) | paid meanwhile (with the payment) | could not tell */
  close(
    outTradeNo: string,
  ): Promise<{ kind: 'closed' } | { kind: 'paid'; payment: ConfirmedPayment } | { kind: 'unavailable' }>;
  query(outTradeNo: string): Promise<ConfirmedPayment | null>;
  refund(r: {
    outTradeNo: string;
    outRefundNo: string;
    amountFen: number;
    totalFen: number;
    reason: string;
  }): Promise<RefundAnswer>;
  queryRefund(r: { outTradeNo: string; outRefundNo: string }): Promise<RefundAnswer>;
}

function wechat(deps: PaymentDeps): ChannelGateway {
  const wx = deps.wechatPay;
  const gateway: ChannelGateway = {
    async close(outTradeNo) {
      const res = await wx.close(outTradeNo);
      if (res.ok) return { kind: 'closed' };
      if (res.code === 'ORDERPAID') {
        const paid = await gateway.query(outTradeNo);
        return paid ? { kind: 'paid', payment: paid } : { kind: 'unavailable' };
      }
      return { kind: 'unavailable' };
    },
    async query(outTradeNo) {
      const q = await wx.query(outTradeNo);
      if (!q.ok || (q.data.trade_state !== 'SUCCESS' && q.data.trade_state !== 'REFUND')) return null;
      return {
        channel: 'wechat',
        outTradeNo,
        transactionId: q.data.transaction_id!,
        amountFen: q.data.amount!.total,
        paidAt: parseSuccessTime(q.data.success_time),
      };
    },
    async refund(r) {
      const res = await wx.refund(r);
      if (!res.ok) return { kind: 'retry', reason: `${res.code}: ${res.message}` };
      return answer(res.data.status, res.data.refund_id);
    },
    async queryRefund(r) {
      const res = await wx.queryRefund(r.outRefundNo);
      if (!res.ok) return { kind: 'retry', reason: `${res.code}: ${res.message}` };
      return answer(res.data.status, res.data.refund_id);
    },
  };
  return gateway;
}

function answer(status: string, channelRefundId: string): RefundAnswer {
  if (status === 'SUCCESS') return { kind: 'succeeded', channelRefundId };
  if (status === 'PROCESSING') return { kind: 'processing', channelRefundId };
  return { kind: 'failed', reason: `channel says ${status}` };
}

function alipay(deps: PaymentDeps): ChannelGateway {
  const ali = deps.alipay;
  const gateway: ChannelGateway = {
    async close(outTradeNo) {
      const res = await ali.tradeClose(outTradeNo);
      if (res.ok || res.subCode === 'ACQ.TRADE_NOT_EXIST') return { kind: 'closed' };
      if (res.subCode === 'ACQ.TRADE_STATUS_ERROR') {
        const paid = await gateway.query(outTradeNo);
        return paid ? { kind: 'paid', payment: paid } : { kind: 'closed' };
      }
      return { kind: 'unavailable' };
    },
    async query(outTradeNo) {
      const q = await ali.tradeQuery(outTradeNo);
      if (!q.ok || (q.data.tradeStatus !== 'TRADE_SUCCESS' && q.data.tradeStatus !== 'TRADE_FINISHED')) return null;
      return {
        channel: 'alipay',
        outTradeNo,
        transactionId: String(q.data.tradeNo),
        amountFen: yuanToFen(String(q.data.totalAmount)),
        paidAt: q.data.gmtPayment ? parseShanghaiDateTime(String(q.data.gmtPayment)) : new Date(),
      };
    },
    async refund(r) {
      const res = await ali.tradeRefund({
        outTradeNo: r.outTradeNo,
        outRequestNo: r.outRefundNo,
        amountFen: r.amountFen,
        reason: r.reason,
      });
      if (!res.ok) return { kind: 'retry', reason: res.subCode };
      // Alipay refunds synchronously: fund_change Y means the money moved
      return res.data.fundChange === 'Y' ? { kind: 'succeeded' } : { kind: 'processing' };
    },
    async queryRefund(r) {
      // a repeated refund with the same out_request_no is idempotent at Alipay and answers the outcome
      return gateway.refund({ ...r, amountFen: 0, totalFen: 0, reason: '' });
    },
  };
  return gateway;
}

export function gatewayFor(deps: PaymentDeps, channel: PaymentChannel): ChannelGateway {
  return channel === 'wechat' ? wechat(deps) : alipay(deps);
}

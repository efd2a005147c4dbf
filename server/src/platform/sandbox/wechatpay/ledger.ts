// The simulated WeChat Pay merchant ledger: transactions by out_trade_no and refunds by out_refund_no, with
// WeChat's rules (same out_trade_no → same prepay_id, a closed order can't be paid, refunds never exceed the
// paid total, out_refund_no is idempotent). In memory: the sandbox runs as one process.
import { shanghaiRfc3339 } from '../../../kernel/shanghai-time';
import { randomBytes } from 'node:crypto';

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

export interface SimTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  description: string;
  notify_url: string;
  total: number;
  openid: string;
  prepay_id: string;
  trade_state: TradeState;
  transaction_id?: string;
  success_time?: string;
  refunded: number;
}

export interface SimRefund {
  refund_id: string;
  out_refund_no: string;
  out_trade_no: string;
  transaction_id: string;
  status: 'PROCESSING' | 'SUCCESS';
  notify_url?: string;
  amount: { refund: number; total: number; currency: 'CNY' };
  create_time: string;
  success_time?: string;
}

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const digits = (n: number) =>
  BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString()
    .padStart(n, '0')
    .slice(0, n);

export function shanghaiTime(d = new Date()): string {
  return shanghaiRfc3339(d);
}

export class SimLedger {
  private readonly trades = new Map<string, SimTransaction>();
  private readonly byPrepay = new Map<string, string>();
  private readonly refunds = new Map<string, SimRefund>();
  /** fault injection: the next N refund calls fail with SYSTEM_ERROR, the next N notifications are lost */
  faults = { refundFailures: 0, dropNotifications: 0 };

  prepay(req: Omit<SimTransaction, 'prepay_id' | 'trade_state' | 'refunded'>): SimTransaction {
    const existing = this.trades.get(req.out_trade_no);
    if (existing) {
      if (existing.trade_state === 'SUCCESS' || existing.trade_state === 'REFUND')
        throw new SimError(400, 'ORDERPAID', '该订单已支付');
      if (existing.trade_state === 'CLOSED') throw new SimError(400, 'ORDER_CLOSED', '该订单已关闭');
      if (existing.total !== req.total || existing.openid !== req.openid)
        throw new SimError(400, 'INVALID_REQUEST', '参数与首次请求时不一致');
      return existing;
    }
    const trade: SimTransaction = { ...req, prepay_id: `wx${digits(28)}`, trade_state: 'NOTPAY', refunded: 0 };
    this.trades.set(trade.out_trade_no, trade);
    this.byPrepay.set(trade.prepay_id, trade.out_trade_no);
    return trade;
  }

  get(outTradeNo: string): SimTransaction {
    const t = this.trades.get(outTradeNo);
    if (!t) throw new SimError(404, 'ORDER_NOT_EXIST', '订单不存在');
    return t;
  }

  byPrepayId(prepayId: string): SimTransaction {
    const no = this.byPrepay.get(prepayId);
    if (!no) throw new SimError(404, 'RESOURCE_NOT_EXISTS', 'prepay_id 不存在');
    return this.get(no);
  }

  /** The user pays: only an unpaid, open order. */
  pay(trade: SimTransaction): SimTransaction {
    if (trade.trade_state === 'CLOSED') throw new SimError(409, 'ORDER_CLOSED', '订单已关闭，不能支付');
    if (trade.trade_state !== 'NOTPAY') throw new SimError(409, 'ORDERPAID', '订单已支付');
    trade.trade_state = 'SUCCESS';
    trade.transaction_id = `42000${digits(23)}`;
    trade.success_time = shanghaiTime();
    return trade;
  }

  /** Fault injection: the bank confirms a payment after the merchant closed the order (a late payment). */
  settleLate(outTradeNo: string): SimTransaction {
    const t = this.get(outTradeNo);
    t.trade_state = 'NOTPAY';
    return this.pay(t);
  }

  close(outTradeNo: string): void {
    const t = this.get(outTradeNo);
    if (t.trade_state === 'SUCCESS' || t.trade_state === 'REFUND') throw new SimError(400, 'ORDERPAID', '订单已支付');
    t.trade_state = 'CLOSED';
  }

  refund(req: { out_trade_no: string; out_refund_no: string; refund: number; total: number; notify_url?: string }) {
    const existing = this.refunds.get(req.out_refund_no);
    if (existing) return existing; // out_refund_no is the idempotency key
    if (this.faults.refundFailures > 0) {
      this.faults.refundFailures--;
      throw new SimError(500, 'SYSTEM_ERROR', '系统繁忙，请稍后重试');
    }
    const t = this.get(req.out_trade_no);
    if (t.trade_state !== 'SUCCESS' && t.trade_state !== 'REFUND')
      throw new SimError(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    if (req.total !== t.total) throw new SimError(400, 'PARAM_ERROR', '订单金额与原订单不一致');
    if (!Number.isInteger(req.refund) || req.refund < 1) throw new SimError(400, 'PARAM_ERROR', '退款金额至少 1 分');
    if (t.refunded + req.refund > t.total) throw new SimError(403, 'NOT_ENOUGH', '订单可退金额不足');
    t.refunded += req.refund;
    t.trade_state = 'REFUND';
    const r: SimRefund = {
      refund_id: `50300${digits(24)}`,
      out_refund_no: req.out_refund_no,
      out_trade_no: t.out_trade_no,
      transaction_id: t.transaction_id!,
      status: 'PROCESSING',
      notify_url: req.notify_url,
      amount: { refund: req.refund, total: t.total, currency: 'CNY' },
      create_time: shanghaiTime(),
    };
    this.refunds.set(r.out_refund_no, r);
    return r;
  }

  settleRefund(outRefundNo: string): SimRefund {
    const r = this.getRefund(outRefundNo);
    r.status = 'SUCCESS';
    r.success_time = shanghaiTime();
    return r;
  }

  getRefund(outRefundNo: string): SimRefund {
    const r = this.refunds.get(outRefundNo);
    if (!r) throw new SimError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    return r;
  }
}

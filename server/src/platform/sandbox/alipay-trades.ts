// The simulated Alipay trade ledger (sandbox only): alipay.trade.create/query/close/refund with Alipay's rules
// and error codes, and the asynchronous notification: a form POST signed RSA2 over the sorted fields, retried
// until the merchant answers the plain text `success`.
import { shanghaiDateTime } from '../../kernel/shanghai-time';
import { createSign, randomBytes } from 'node:crypto';
import type { Logger } from '../logger';

type Status = 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED';
interface Trade {
  trade_no: string;
  out_trade_no: string;
  total_amount: string;
  buyer_id: string;
  subject: string;
  notify_url?: string;
  trade_status: Status;
  gmt_payment?: string;
  refunded_fen: number;
  refunds: Set<string>;
}

const digits = (n: number) =>
  BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString()
    .padStart(n, '0')
    .slice(0, n);
const now = () => shanghaiDateTime(new Date());
const fen = (yuan: string) => Math.round(Number(yuan) * 100);
const fail = (sub_code: string, sub_msg: string) => ({ code: '40004', msg: 'Business Failed', sub_code, sub_msg });

export function signForm(fields: Record<string, string>, privateKey: string): string {
  const content = Object.keys(fields)
    .filter((k) => k !== 'sign' && k !== 'sign_type' && fields[k] !== '')
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&');
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKey, 'base64');
}

export class AlipayTrades {
  private readonly byOutTradeNo = new Map<string, Trade>();
  private readonly byTradeNo = new Map<string, Trade>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly appId: string,
    private readonly platformPrivateKey: string,
    private readonly logger: Logger,
  ) {}

  /** Answers a trade method, or undefined when the method is not a trade method. */
  handle(
    method: string,
    biz: Record<string, string>,
    params: Record<string, string>,
  ): Record<string, unknown> | undefined {
    switch (method) {
      case 'alipay.trade.create': {
        if (!biz.out_trade_no || !/^\d+(\.\d{1,2})?$/.test(biz.total_amount ?? '') || fen(biz.total_amount!) < 1)
          return fail('ACQ.INVALID_PARAMETER', '参数无效');
        const existing = this.byOutTradeNo.get(biz.out_trade_no);
        if (existing) {
          if (existing.trade_status === 'TRADE_SUCCESS') return fail('ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
          if (existing.trade_status === 'TRADE_CLOSED') return fail('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
          return { code: '10000', msg: 'Success', out_trade_no: existing.out_trade_no, trade_no: existing.trade_no };
        }
        const trade: Trade = {
          trade_no: `2026${digits(24)}`,
          out_trade_no: biz.out_trade_no,
          total_amount: biz.total_amount!,
          buyer_id: biz.buyer_id ?? '',
          subject: biz.subject ?? '',
          notify_url: params.notify_url,
          trade_status: 'WAIT_BUYER_PAY',
          refunded_fen: 0,
          refunds: new Set(),
        };
        this.byOutTradeNo.set(trade.out_trade_no, trade);
        this.byTradeNo.set(trade.trade_no, trade);
        return { code: '10000', msg: 'Success', out_trade_no: trade.out_trade_no, trade_no: trade.trade_no };
      }
      case 'alipay.trade.query': {
        const t = this.byOutTradeNo.get(biz.out_trade_no ?? '');
        if (!t) return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
        const { notify_url: _n, refunds: _r, refunded_fen: _f, ...view } = t;
        return { code: '10000', msg: 'Success', ...view };
      }
      case 'alipay.trade.close': {
        const t = this.byOutTradeNo.get(biz.out_trade_no ?? '');
        if (!t) return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
        if (t.trade_status === 'TRADE_SUCCESS') return fail('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
        t.trade_status = 'TRADE_CLOSED';
        return { code: '10000', msg: 'Success', out_trade_no: t.out_trade_no, trade_no: t.trade_no };
      }
      case 'alipay.trade.refund': {
        const t = this.byOutTradeNo.get(biz.out_trade_no ?? '');
        if (!t) return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
        if (t.trade_status !== 'TRADE_SUCCESS') return fail('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
        const requestNo = biz.out_request_no ?? t.out_trade_no;
        const amount = fen(biz.refund_amount ?? '0');
        if (!t.refunds.has(requestNo)) {
          if (amount < 1 || t.refunded_fen + amount > fen(t.total_amount))
            return fail('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
          t.refunds.add(requestNo);
          t.refunded_fen += amount;
        }
        return {
          code: '10000',
          msg: 'Success',
          trade_no: t.trade_no,
          out_trade_no: t.out_trade_no,
          fund_change: 'Y',
          refund_fee: (t.refunded_fen / 100).toFixed(2),
          gmt_refund_pay: now(),
        };
      }
      default:
        return undefined;
    }
  }

  /** The simulated user pays in the Alipay cashier; the notification follows. */
  pay(tradeNo: string): { ok: boolean; message?: string; outTradeNo?: string } {
    const t = this.byTradeNo.get(tradeNo);
    if (!t) return { ok: false, message: '交易不存在' };
    if (t.trade_status !== 'WAIT_BUYER_PAY') return { ok: false, message: `交易状态为 ${t.trade_status}` };
    t.trade_status = 'TRADE_SUCCESS';
    t.gmt_payment = now();
    if (t.notify_url) this.notify(t, 0);
    return { ok: true, outTradeNo: t.out_trade_no };
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  private notify(t: Trade, attempt: number) {
    const fields: Record<string, string> = {
      notify_time: now(),
      notify_type: 'trade_status_sync',
      notify_id: `sim${digits(20)}`,
      app_id: this.appId,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      trade_no: t.trade_no,
      out_trade_no: t.out_trade_no,
      buyer_id: t.buyer_id,
      trade_status: t.trade_status,
      total_amount: t.total_amount,
      receipt_amount: t.total_amount,
      subject: t.subject,
      gmt_payment: t.gmt_payment ?? '',
    };
    fields.sign = signForm(fields, this.platformPrivateKey);
    const timer = setTimeout(
      async () => {
        this.timers.delete(timer);
        let answer = '';
        try {
          const res = await fetch(t.notify_url!, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
            body: new URLSearchParams(fields).toString(),
            signal: AbortSignal.timeout(5000),
          });
          answer = (await res.text()).trim();
        } catch (err) {
          this.logger.debug({ err }, 'sandbox Alipay notification not delivered');
        }
        if (answer !== 'success' && attempt < 8) this.notify(t, attempt + 1);
      },
      attempt === 0 ? 200 : 500 * 2 ** attempt,
    );
    timer.unref();
    this.timers.add(timer);
  }
}

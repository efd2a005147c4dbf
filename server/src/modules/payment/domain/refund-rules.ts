// Refund arithmetic: pure, table-tested. A refund never takes the total above what was paid.
import type { RefundStatus } from './lifecycle';

export interface RefundLine {
  amountFen: number;
  status: RefundStatus;
}

/** Fen already promised back: every refund that has not definitively failed. */
export function committedRefundFen(refunds: RefundLine[]): number {
  return refunds.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amountFen, 0);
}

export function refundableFen(paidFen: number, refunds: RefundLine[]): number {
  return Math.max(0, paidFen - committedRefundFen(refunds));
}

export type RefundCheck =
  { ok: true } | { ok: false; reason: 'NOT_PAID' | 'AMOUNT_INVALID' | 'EXCEEDS_PAID'; refundableFen: number };

export function checkRefund(paidFen: number, refunds: RefundLine[], amountFen: number): RefundCheck {
  const left = refundableFen(paidFen, refunds);
  if (paidFen <= 0) return { ok: false, reason: 'NOT_PAID', refundableFen: 0 };
  if (!Number.isInteger(amountFen) || amountFen < 1)
    return { ok: false, reason: 'AMOUNT_INVALID', refundableFen: left };
  if (amountFen > left) return { ok: false, reason: 'EXCEEDS_PAID', refundableFen: left };
  return { ok: true };
}

/** out_refund_no: the trade number and a sequence, unique per merchant and ≤ 64 chars. */
export function refundNo(outTradeNo: string, sequence: number): string {
  return `${outTradeNo}R${String(sequence).padStart(2, '0')}`;
}

/** Whether an order's refunds now cover everything that was paid. */
export function fullyRefunded(paidFen: number, succeededFen: number): boolean {
  return paidFen > 0 && succeededFen >= paidFen;
}

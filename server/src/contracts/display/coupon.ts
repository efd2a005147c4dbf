// How a coupon's terms read (shared by the console, the shop and the server): 满100减20, 无门槛减5, 8.5折 (最高减30).
import { formatFen } from './money';

export interface CouponTermsView {
  type: 'amount_off' | 'percent_off' | 'no_threshold';
  thresholdFen: number;
  amountOffFen: number;
  percentOff: number;
  maxOffFen: number | null;
}

/** Yuan without a trailing .00 (coupon terms are round: 满100减20, not 满¥100.00减¥20.00). */
const yuan = (fen: number) => formatFen(fen).replace('¥', '').replace(/\.00$/, '');

/** The discount as 折 (15 % off = 8.5折, 10 % off = 9折). */
export const discountLabel = (percentOff: number) => `${((100 - percentOff) / 10).toString()}折`;

export function couponTermsLabel(c: CouponTermsView): string {
  if (c.type === 'no_threshold') return `无门槛减${yuan(c.amountOffFen)}`;
  if (c.type === 'amount_off') return `满${yuan(c.thresholdFen)}减${yuan(c.amountOffFen)}`;
  const base =
    c.thresholdFen > 0 ? `满${yuan(c.thresholdFen)}享${discountLabel(c.percentOff)}` : discountLabel(c.percentOff);
  return c.maxOffFen ? `${base}（最高减${yuan(c.maxOffFen)}）` : base;
}

// The coupon rules as data and pure functions: what makes a template possible, when a claimed copy is valid, and
// how much a coupon takes off an eligible amount. The pricing step, the preview's reasons and the admin form all
// read these (no I/O here; table-tested in server/test/unit/coupon-rules.test.ts).

export type CouponType = 'amount_off' | 'percent_off' | 'no_threshold';

export interface CouponTerms {
  type: CouponType;
  /** the eligible amount needed (满 X); 0 for no_threshold */
  thresholdFen: number;
  /** amount_off and no_threshold: what it takes off */
  amountOffFen: number;
  /** percent_off: the share taken off, 1–99 (15 = 8.5折) */
  percentOff: number;
  /** percent_off: the most it takes off, null for no cap */
  maxOffFen: number | null;
}

export interface TemplateDraft {
  type: CouponType;
  thresholdFen?: number;
  amountOffFen?: number;
  percentOff?: number;
  maxOffFen?: number;
  validity: { kind: 'fixed'; startAt: Date; endAt: Date } | { kind: 'days'; days: number };
  claimStartAt?: Date;
  claimEndAt?: Date;
  scope: { kind: 'all' | 'categories' | 'products'; ids?: number[] };
}

/** Why a template cannot exist (one sentence for the operator), or null; and its normalised terms. */
export function templateProblem(d: TemplateDraft): string | null {
  if (d.type === 'amount_off') {
    if (!d.amountOffFen) return '满减券须填写减免金额';
    if (!d.thresholdFen) return '满减券须填写使用门槛';
    if (d.amountOffFen >= d.thresholdFen) return '减免金额须小于使用门槛';
  }
  if (d.type === 'no_threshold') {
    if (!d.amountOffFen) return '无门槛券须填写减免金额';
    if (d.thresholdFen) return '无门槛券不能设置使用门槛';
  }
  if (d.type === 'percent_off') {
    if (!d.percentOff) return '折扣券须填写折扣（1–99）';
    if (d.amountOffFen) return '折扣券不设减免金额（可设最高优惠）';
  }
  if (d.type !== 'percent_off' && (d.percentOff || d.maxOffFen)) return '只有折扣券能设置折扣与最高优惠';
  if (d.validity.kind === 'fixed' && d.validity.startAt >= d.validity.endAt) return '有效期的开始须早于结束';
  if (d.claimStartAt && d.claimEndAt && d.claimStartAt >= d.claimEndAt) return '领取时间的开始须早于结束';
  if (d.scope.kind !== 'all' && !d.scope.ids?.length) return '指定分类或商品时须至少选择一个';
  if (d.scope.kind === 'all' && d.scope.ids?.length) return '全场通用券不能指定分类或商品';
  return null;
}

export function termsOf(d: TemplateDraft): CouponTerms {
  return {
    type: d.type,
    thresholdFen: d.type === 'no_threshold' ? 0 : (d.thresholdFen ?? 0),
    amountOffFen: d.type === 'percent_off' ? 0 : (d.amountOffFen ?? 0),
    percentOff: d.type === 'percent_off' ? (d.percentOff ?? 0) : 0,
    maxOffFen: d.type === 'percent_off' ? (d.maxOffFen ?? null) : null,
  };
}

/** The window a copy claimed at `claimedAt` is valid in: the fixed dates, or N whole days from the claim. */
export function validityOf(
  validity: { kind: 'fixed'; startAt: Date; endAt: Date } | { kind: 'days'; days: number },
  claimedAt: Date,
): { validFrom: Date; validUntil: Date } {
  if (validity.kind === 'fixed') return { validFrom: validity.startAt, validUntil: validity.endAt };
  return { validFrom: claimedAt, validUntil: new Date(claimedAt.getTime() + validity.days * 86_400_000) };
}

/** Whether it can be claimed at `now`: claimable, enabled, inside its claim window and before a fixed end. */
export function claimOpen(
  t: {
    claimable: boolean;
    enabled: boolean;
    claimStartAt: Date | null;
    claimEndAt: Date | null;
    validity: { kind: string; endAt?: Date };
  },
  now: Date,
): boolean {
  if (!t.claimable || !t.enabled) return false;
  if (t.claimStartAt && now < t.claimStartAt) return false;
  if (t.claimEndAt && now >= t.claimEndAt) return false;
  if (t.validity.kind === 'fixed' && t.validity.endAt && now >= t.validity.endAt) return false;
  return true;
}

/**
 * What the coupon takes off `eligibleFen` (the amount of the lines it applies to): 0 below the threshold; never
 * more than the eligible amount; percent off rounds down to the fen (the shop never takes off more than it says).
 */
export function couponDiscount(c: CouponTerms, eligibleFen: number): number {
  if (eligibleFen <= 0 || eligibleFen < c.thresholdFen) return 0;
  const off =
    c.type === 'percent_off'
      ? Math.min(Math.floor((eligibleFen * c.percentOff) / 100), c.maxOffFen ?? Number.POSITIVE_INFINITY)
      : c.amountOffFen;
  return Math.min(off, eligibleFen);
}

// The coupon rules (modules/coupon/domain/rules.ts): which templates can exist, the copy's validity window, when
// claiming is open, and what a coupon takes off an eligible amount.
import {
  claimOpen,
  couponDiscount,
  templateProblem,
  termsOf,
  validityOf,
  type TemplateDraft,
} from '../../src/modules/coupon/domain/rules';
import { USER_COUPON_LIFECYCLE } from '../../src/modules/coupon/domain/user-coupon-lifecycle';

const days = { kind: 'days' as const, days: 7 };
const all = { kind: 'all' as const };
const draft = (d: Partial<TemplateDraft>): TemplateDraft => ({ type: 'amount_off', validity: days, scope: all, ...d });

describe('templateProblem', () => {
  test.each<[string, Partial<TemplateDraft>, string | null]>([
    ['满 100 减 20', { thresholdFen: 10000, amountOffFen: 2000 }, null],
    ['减免 ≥ 门槛', { thresholdFen: 2000, amountOffFen: 2000 }, '减免金额须小于使用门槛'],
    ['满减无门槛', { amountOffFen: 500 }, '满减券须填写使用门槛'],
    ['满减无金额', { thresholdFen: 500 }, '满减券须填写减免金额'],
    ['无门槛 5 元', { type: 'no_threshold', amountOffFen: 500 }, null],
    ['无门槛带门槛', { type: 'no_threshold', amountOffFen: 500, thresholdFen: 1000 }, '无门槛券不能设置使用门槛'],
    ['85 折封顶 30', { type: 'percent_off', percentOff: 15, maxOffFen: 3000 }, null],
    ['折扣无折扣', { type: 'percent_off' }, '折扣券须填写折扣（1–99）'],
    ['折扣带金额', { type: 'percent_off', percentOff: 10, amountOffFen: 100 }, '折扣券不设减免金额（可设最高优惠）'],
    ['满减带折扣', { thresholdFen: 1000, amountOffFen: 100, percentOff: 10 }, '只有折扣券能设置折扣与最高优惠'],
    [
      '有效期倒置',
      {
        thresholdFen: 1000,
        amountOffFen: 100,
        validity: { kind: 'fixed', startAt: new Date('2026-12-09'), endAt: new Date('2026-12-08') },
      },
      '有效期的开始须早于结束',
    ],
    [
      '领取时间倒置',
      {
        thresholdFen: 1000,
        amountOffFen: 100,
        claimStartAt: new Date('2026-12-09'),
        claimEndAt: new Date('2026-12-09'),
      },
      '领取时间的开始须早于结束',
    ],
    [
      '指定商品未选',
      { thresholdFen: 1000, amountOffFen: 100, scope: { kind: 'products' } },
      '指定分类或商品时须至少选择一个',
    ],
    [
      '全场带商品',
      { thresholdFen: 1000, amountOffFen: 100, scope: { kind: 'all', ids: [1] } },
      '全场通用券不能指定分类或商品',
    ],
  ])('%s', (_name, d, problem) => expect(templateProblem(draft(d))).toBe(problem));
});

describe('couponDiscount', () => {
  const amount = termsOf(draft({ thresholdFen: 10000, amountOffFen: 2000 }));
  const free = termsOf(draft({ type: 'no_threshold', amountOffFen: 500 }));
  const percent = termsOf(draft({ type: 'percent_off', percentOff: 15, maxOffFen: 3000 }));
  const uncapped = termsOf(draft({ type: 'percent_off', percentOff: 15 }));
  test.each([
    ['满100减20 on 99.99', amount, 9999, 0],
    ['满100减20 on 100', amount, 10000, 2000],
    ['无门槛5 on 3', free, 300, 300], // never more than the eligible amount
    ['无门槛5 on 0', free, 0, 0],
    ['85折 on 99.99 rounds down', percent, 9999, 1499],
    ['85折 capped at 30', percent, 50000, 3000],
    ['85折 uncapped', uncapped, 50000, 7500],
  ])('%s', (_name, terms, eligible, off) => expect(couponDiscount(terms, eligible)).toBe(off));
});

test('a copy is valid for the fixed dates, or N days from its claim', () => {
  const claimedAt = new Date('2026-12-08T02:00:00Z');
  expect(validityOf({ kind: 'days', days: 7 }, claimedAt)).toEqual({
    validFrom: claimedAt,
    validUntil: new Date('2026-12-15T02:00:00Z'),
  });
  const fixed = { kind: 'fixed' as const, startAt: new Date('2026-12-01'), endAt: new Date('2026-12-31') };
  expect(validityOf(fixed, claimedAt)).toEqual({ validFrom: fixed.startAt, validUntil: fixed.endAt });
});

test.each([
  ['open', {}, true],
  ['not claimable', { claimable: false }, false],
  ['stopped', { enabled: false }, false],
  ['before its claim window', { claimStartAt: new Date('2026-12-09') }, false],
  ['after its claim window', { claimEndAt: new Date('2026-12-08T01:00:00Z') }, false],
  ['its fixed validity over', { validity: { kind: 'fixed', endAt: new Date('2026-12-08T00:00:00Z') } }, false],
])('claimOpen: %s', (_name, patch, open) => {
  const t = {
    claimable: true,
    enabled: true,
    claimStartAt: null,
    claimEndAt: null,
    validity: { kind: 'days' },
    ...patch,
  };
  expect(claimOpen(t, new Date('2026-12-08T02:00:00Z'))).toBe(open);
});

test.each([
  ['available', 'locked', true],
  ['locked', 'used', true],
  ['locked', 'available', true],
  ['available', 'expired', true],
  ['used', 'available', false],
  ['expired', 'available', false],
  ['available', 'used', false],
] as const)('user coupon %s → %s allowed=%s', (from, to, ok) => expect(USER_COUPON_LIFECYCLE.can(from, to)).toBe(ok));

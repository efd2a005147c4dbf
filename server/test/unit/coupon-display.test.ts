// How coupon terms read (contracts/display/coupon.ts), the same in the console and the shop.
import { couponTermsLabel, discountLabel } from '../../src/contracts/display';

const c = (t: Partial<Parameters<typeof couponTermsLabel>[0]>) => ({
  type: 'amount_off' as const,
  thresholdFen: 0,
  amountOffFen: 0,
  percentOff: 0,
  maxOffFen: null,
  ...t,
});

test.each([
  [c({ thresholdFen: 10000, amountOffFen: 2000 }), '满100减20'],
  [c({ thresholdFen: 9990, amountOffFen: 550 }), '满99.90减5.50'],
  [c({ type: 'no_threshold', amountOffFen: 500 }), '无门槛减5'],
  [c({ type: 'percent_off', percentOff: 15 }), '8.5折'],
  [c({ type: 'percent_off', percentOff: 10, maxOffFen: 3000 }), '9折（最高减30）'],
  [c({ type: 'percent_off', percentOff: 20, thresholdFen: 5000 }), '满50享8折'],
])('%j reads %p', (terms, text) => expect(couponTermsLabel(terms)).toBe(text));

test.each([
  [15, '8.5折'],
  [10, '9折'],
  [1, '9.9折'],
  [99, '0.1折'],
])('%p %% off is %p', (off, text) => expect(discountLabel(off)).toBe(text));

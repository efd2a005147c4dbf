import {
  canMovePayment,
  canMoveRefund,
  PAYMENT_TRANSITIONS,
  REFUND_TRANSITIONS,
  type RefundStatus,
} from '../../src/modules/payment/domain/lifecycle';
import {
  checkRefund,
  committedRefundFen,
  fullyRefunded,
  refundNo,
} from '../../src/modules/payment/domain/refund-rules';

const r = (amountFen: number, status: RefundStatus = 'succeeded') => ({ amountFen, status });

describe('checkRefund: never more than was paid', () => {
  it.each([
    ['first full refund', 1000, [], 1000, { ok: true }],
    ['partial then the rest', 1000, [r(400)], 600, { ok: true }],
    ['one fen too many', 1000, [r(400)], 601, { ok: false, reason: 'EXCEEDS_PAID', refundableFen: 600 }],
    [
      'pending refunds count',
      1000,
      [r(700, 'pending')],
      301,
      { ok: false, reason: 'EXCEEDS_PAID', refundableFen: 300 },
    ],
    [
      'processing refunds count',
      1000,
      [r(1000, 'processing')],
      1,
      { ok: false, reason: 'EXCEEDS_PAID', refundableFen: 0 },
    ],
    ['failed refunds free their amount', 1000, [r(1000, 'failed')], 1000, { ok: true }],
    ['zero is not a refund', 1000, [], 0, { ok: false, reason: 'AMOUNT_INVALID', refundableFen: 1000 }],
    ['fractions of a fen are not money', 1000, [], 10.5, { ok: false, reason: 'AMOUNT_INVALID', refundableFen: 1000 }],
    ['nothing paid', 0, [], 1, { ok: false, reason: 'NOT_PAID', refundableFen: 0 }],
  ])('%s', (_name, paid, refunds, amount, expected) => {
    expect(checkRefund(paid, refunds, amount)).toEqual(expected);
  });

  it('sums only refunds that have not failed', () => {
    expect(committedRefundFen([r(1), r(2, 'pending'), r(4, 'processing'), r(8, 'failed')])).toBe(7);
  });

  it.each([
    [1000, 1000, true],
    [1000, 999, false],
    [0, 0, false],
  ])('fullyRefunded(%i, %i) = %s', (paid, refunded, expected) => {
    expect(fullyRefunded(paid, refunded)).toBe(expected);
  });

  it('numbers refunds within 64 characters', () => {
    expect(refundNo('2026112312000012345678', 3)).toBe('2026112312000012345678R03');
    expect(refundNo('x'.repeat(32), 99).length).toBeLessThanOrEqual(64);
  });
});

describe('payment and refund lifecycles', () => {
  it.each([
    ['created', 'paid', true],
    ['created', 'closed', true],
    ['closed', 'paid', true], // a late payment is still money received (then refunded)
    ['paid', 'created', false],
    ['paid', 'closed', false],
  ] as const)('payment %s → %s: %s', (from, to, ok) => expect(canMovePayment(from, to)).toBe(ok));

  it.each([
    ['pending', 'processing', true],
    ['processing', 'succeeded', true],
    ['succeeded', 'pending', false],
    ['failed', 'succeeded', false],
  ] as const)('refund %s → %s: %s', (from, to, ok) => expect(canMoveRefund(from, to)).toBe(ok));

  it('has final states with no way out', () => {
    expect(PAYMENT_TRANSITIONS.paid).toEqual([]);
    expect(REFUND_TRANSITIONS.succeeded).toEqual([]);
  });
});

import {
  afterSaleAmount,
  canMoveAfterSale,
  checkAfterSaleType,
  type AfterSaleType,
} from '../../src/modules/after-sale/domain/rules';

const NOW = new Date('2026-11-23T04:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe('which request an order allows', () => {
  it.each([
    ['refund_only', 'to_ship', null, true],
    ['refund_only', 'shipped', null, false],
    ['refund_only', 'pending_payment', null, false],
    ['return_refund', 'to_ship', null, false],
    ['return_refund', 'shipped', null, true],
    ['return_refund', 'completed', daysAgo(6.9), true],
    ['return_refund', 'completed', daysAgo(7.1), false],
    ['return_refund', 'cancelled', null, false],
  ] as [AfterSaleType, string, Date | null, boolean][])(
    '%s on %s (completed %s): %s',
    (type, status, completedAt, ok) => {
      expect(checkAfterSaleType(type, { status, completedAt }, NOW).ok).toBe(ok);
    },
  );
});

describe('how much a request gives back', () => {
  const lines = [
    { orderItemId: 1, unitPriceFen: 3000, quantity: 3, requestedBefore: 0 },
    { orderItemId: 2, unitPriceFen: 999, quantity: 1, requestedBefore: 0 },
  ];
  const paid = 3 * 3000 + 999 + 800; // shipping 800

  it.each([
    ['one unit', [{ orderItemId: 1, quantity: 1 }], 'refund_only', paid, 3000],
    ['a whole line', [{ orderItemId: 1, quantity: 3 }], 'refund_only', paid, 9000],
    [
      'everything before shipping: shipping too',
      [
        { orderItemId: 1, quantity: 3 },
        { orderItemId: 2, quantity: 1 },
      ],
      'refund_only',
      paid,
      paid,
    ],
    [
      'everything after shipping: goods only',
      [
        { orderItemId: 1, quantity: 3 },
        { orderItemId: 2, quantity: 1 },
      ],
      'return_refund',
      paid,
      9999,
    ],
    ['never above what is refundable', [{ orderItemId: 1, quantity: 3 }], 'refund_only', 5000, 5000],
  ] as const)('%s', (_n, request, type, refundable, expected) => {
    const r = afterSaleAmount(lines, [...request], type, refundable);
    expect(r.ok && r.amountFen).toBe(expected);
  });

  it('the last units of an order take the remainder, so the parts sum to what was paid', () => {
    const after = lines.map((l) => (l.orderItemId === 1 ? { ...l, requestedBefore: 2 } : { ...l, requestedBefore: 1 }));
    const r = afterSaleAmount(after, [{ orderItemId: 1, quantity: 1 }], 'refund_only', paid - 2 * 3000 - 999);
    expect(r.ok && r.amountFen).toBe(3800);
  });

  it.each([
    ['more than bought', [{ orderItemId: 2, quantity: 2 }], 0],
    ['units already held by another request', [{ orderItemId: 1, quantity: 3 }], 1],
    ['an unknown line', [{ orderItemId: 9, quantity: 1 }], 0],
    ['zero', [{ orderItemId: 1, quantity: 0 }], 0],
  ] as [string, { orderItemId: number; quantity: number }[], number][])('refuses %s', (_n, request, held) => {
    const withHeld = lines.map((l) => ({ ...l, requestedBefore: l.orderItemId === 1 ? held : 0 }));
    expect(afterSaleAmount(withHeld, [...request], 'refund_only', paid)).toMatchObject({
      ok: false,
      code: 'AFTER_SALE_QUANTITY_INVALID',
    });
  });
});

describe('the request lifecycle', () => {
  it.each([
    ['requested', 'refunding', true],
    ['requested', 'awaiting_return', true],
    ['awaiting_return', 'returning', true],
    ['returning', 'refunding', true],
    ['refunding', 'refunded', true],
    ['refunded', 'requested', false],
    ['rejected', 'refunding', false],
    ['refunding', 'rejected', false],
  ] as const)('%s → %s: %s', (from, to, ok) => expect(canMoveAfterSale(from, to)).toBe(ok));
});

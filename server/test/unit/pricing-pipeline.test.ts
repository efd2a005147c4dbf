// The order's pricing pipeline, pure: steps run in order over one context, campaign tags are typed values, and
// every failure is a typed 4xx (never a bare RangeError), including totals beyond the INT UNSIGNED column.
import { AppError } from '../../src/kernel/errors';
import {
  MAX_ORDER_FEN,
  runPricing,
  shippingStep,
  startPricing,
  type PriceStep,
} from '../../src/modules/order/domain/pricing';
import { groupPriceStep } from '../../src/modules/groupbuy/application/pricing';

const lines = (...xs: [number, number][]) =>
  startPricing(xs.map(([listPriceFen, quantity], i) => ({ skuId: i + 1, quantity, listPriceFen })));
const flat = shippingStep({ flatFeeFen: 800, freeOverFen: 9900 });
const off =
  (fen: number): PriceStep =>
  (ctx) => ({
    ...ctx,
    adjustments: [...ctx.adjustments, { step: 'test', label: '立减', amountFen: -fen }],
  });

const unitPrice =
  (fen: number): PriceStep =>
  (ctx) => ({ ...ctx, lines: ctx.lines.map((l) => ({ ...l, unitPriceFen: fen })) });

describe('totals', () => {
  it.each([
    [
      'one line under the free-shipping line',
      [[2990, 1]],
      [],
      { itemsTotalFen: 2990, shippingFen: 800, payableFen: 3790 },
    ],
    ['free shipping at the threshold', [[3300, 3]], [], { itemsTotalFen: 9900, shippingFen: 0, payableFen: 9900 }],
    [
      'a discount counts before shipping',
      [[5000, 2]],
      [off(200)],
      { discountFen: 200, shippingFen: 800, payableFen: 10600 },
    ],
    ['a discount of everything', [[100, 1]], [off(100)], { discountFen: 100, payableFen: 800 }],
    [
      'many lines',
      [
        [1, 3],
        [99, 2],
        [12345, 1],
      ],
      [],
      { itemsTotalFen: 12546, payableFen: 12546 },
    ],
  ] as const)('%s', (_name, xs, steps, expected) => {
    const b = runPricing(lines(...(xs as unknown as [number, number][])), [...steps, flat]);
    expect(b).toMatchObject(expected);
    expect(b.payableFen).toBe(b.itemsTotalFen - b.discountFen + b.shippingFen);
    expect(b.lines.map((l) => l.lineTotalFen)).toEqual(b.lines.map((l) => l.unitPriceFen * l.quantity));
  });
});

describe('campaign steps', () => {
  it('tag each line with a typed campaign, priced before shipping', () => {
    const b = runPricing(lines([10000, 1]), [groupPriceStep(7, 6000, false), flat]);
    expect(b.lines[0]).toMatchObject({
      unitPriceFen: 6000,
      listPriceFen: 10000,
      campaign: { kind: 'groupbuy', campaignId: 7, stacking: 'exclusive' },
    });
    expect(b.payableFen).toBe(6800);
    expect(runPricing(lines([10000, 1]), [groupPriceStep(7, 6000, true)]).lines[0]!.campaign!.stacking).toBe(
      'stackable',
    );
  });
});

describe('failures are typed 4xx errors', () => {
  const fails = (start: ReturnType<typeof lines>, steps: PriceStep[], code: string) => {
    let thrown: unknown;
    try {
      runPricing(start, steps);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ kind: 'invalid', code });
  };

  it.each([
    ['a discount above the goods', lines([100, 1]), [off(101)], 'DISCOUNT_EXCEEDS_TOTAL'],
    ['a line beyond the column range', lines([MAX_ORDER_FEN, 2]), [], 'ORDER_AMOUNT_TOO_LARGE'],
    ['a total beyond the column range', lines([MAX_ORDER_FEN, 1], [1, 1]), [], 'ORDER_AMOUNT_TOO_LARGE'],
    [
      'shipping pushing the total beyond the range',
      lines([MAX_ORDER_FEN - 1, 1]),
      [shippingStep({ flatFeeFen: 800, freeOverFen: MAX_ORDER_FEN })],
      'ORDER_AMOUNT_TOO_LARGE',
    ],
    ['a fractional price from a step', lines([100, 1]), [unitPrice(99.5)], 'PRICING_FAILED'],
    ['a negative price from a step', lines([100, 1]), [unitPrice(-1)], 'PRICING_FAILED'],
    ['a positive "discount"', lines([100, 1]), [off(-5)], 'PRICING_FAILED'],
  ] as const)('%s', (_name, start, steps, code) => fails(start, [...steps] as PriceStep[], code));

  it('accepts exactly the column maximum', () => {
    expect(runPricing(lines([MAX_ORDER_FEN, 1]), []).payableFen).toBe(MAX_ORDER_FEN);
  });
});

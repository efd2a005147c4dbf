// The shared display module (contracts/display): money text both ways, status labels, China time.
import { AfterSaleStatus } from '../../src/contracts/after-sale';
import { GroupStatus } from '../../src/contracts/groupbuy';
import { OrderStatus } from '../../src/contracts/order';
import { OrderPayments, RefundView } from '../../src/contracts/payment';
import {
  STATUS_LABELS,
  fenToYuan,
  formatDateTime,
  formatFen,
  formatShanghaiTime,
  fromShanghaiWallClock,
  splitFen,
  statusLabel,
  statusOptions,
  toShanghaiWallClock,
  yuanToFen,
} from '../../src/contracts/display';

describe('formatFen', () => {
  test.each([
    [1990, '¥19.90'],
    [0, '¥0.00'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [100, '¥1.00'],
    [123456789, '¥1234567.89'],
    [-505, '-¥5.05'],
    [1005, '¥10.05'], // 1.005 * 100 === 100.49999999999999 in floats; fen never goes through yuan floats
    [Number.MAX_SAFE_INTEGER, '¥90071992547409.91'],
  ])('%i fen → %s', (fen, text) => expect(formatFen(fen)).toBe(text));

  test.each([1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])('%p is not a fen amount → —', (bad) =>
    expect(formatFen(bad)).toBe('—'),
  );
});

test('splitFen splits for the big-yuan price display', () => {
  expect(splitFen(1990)).toEqual({ sign: '', yuan: '19', cents: '90' });
  expect(splitFen(-1)).toEqual({ sign: '-', yuan: '0', cents: '01' });
  expect(splitFen(0.5)).toEqual({ sign: '', yuan: '0', cents: '00' });
});

describe('yuan ↔ fen', () => {
  test.each([
    ['19.9', 1990],
    ['19.90', 1990],
    ['0.05', 5],
    ['12', 1200],
    [' 1.15 ', 115], // 1.15 * 100 = 114.99999999999999 in floats
    ['999999999.99', 99999999999],
  ])('yuanToFen(%p) = %d', (yuan, fen) => expect(yuanToFen(yuan)).toBe(fen));

  test.each(['', 'abc', '1.234', '1e3', '.5', '-1', '1,000', '1234567890'])('yuanToFen(%p) = null', (bad) =>
    expect(yuanToFen(bad)).toBeNull(),
  );

  test.each([
    [1990, '19.90'],
    [5, '0.05'],
    [0, '0.00'],
    [-1, ''],
    [1.5, ''],
  ])('fenToYuan(%p) = %p', (fen, text) => expect(fenToYuan(fen)).toBe(text));

  test('round trip', () => {
    for (const fen of [0, 1, 9, 10, 99, 100, 1990, 123456]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});

describe('status labels', () => {
  const keys = (o: object) => Object.keys(o).sort();
  test.each([
    ['order', OrderStatus.options],
    ['group', GroupStatus.options],
    ['afterSale', AfterSaleStatus.options],
    ['refund', RefundView.shape.status.options],
    ['payment', OrderPayments.shape.payments.element.shape.status.options],
    ['paymentChannel', OrderPayments.shape.payments.element.shape.channel.options],
  ] as const)('every %s status the contracts declare has a label', (kind, statuses) =>
    expect(keys(STATUS_LABELS[kind])).toEqual([...statuses].sort()),
  );

  test('one word per status, the shop’s', () => {
    expect(statusLabel('group', 'succeeded')).toBe('拼团成功');
    expect(statusLabel('group', 'failed')).toBe('拼团失败');
    expect(statusLabel('order', 'awaiting_group')).toBe('待成团');
  });

  test('an unknown status shows as itself', () => expect(statusLabel('order', 'teleported')).toBe('teleported'));

  test('options keep the declared order', () =>
    expect(statusOptions('group')).toEqual([
      { value: 'pending', label: '待团长付款' },
      { value: 'open', label: '拼团中' },
      { value: 'succeeded', label: '拼团成功' },
      { value: 'failed', label: '拼团失败' },
    ]));
});

describe('China time', () => {
  test.each([
    ['2026-11-22T04:20:00.000Z', '2026-11-22 12:20:00'],
    ['2026-11-22T16:00:00Z', '2026-11-23 00:00:00'], // midnight in Shanghai
    ['2026-12-31T23:59:59+08:00', '2026-12-31 23:59:59'],
    ['not a date', 'not a date'],
  ])('formatDateTime(%p) = %p', (iso, text) => expect(formatDateTime(iso)).toBe(text));

  test.each([
    ['2026-11-22T02:00:00.000Z', '10:00'],
    ['2026-11-22T16:00:00Z', '00:00'], // the next day's 00 session in Shanghai
    ['2026-11-22T11:59:00Z', '19:59'],
    ['not a date', 'not a date'],
  ])('formatShanghaiTime(%p) = %p', (iso, text) => expect(formatShanghaiTime(iso)).toBe(text));

  test.each([
    ['2026-11-22 12:20', '2026-11-22T04:20:00.000Z'],
    ['2026-11-23T00:00:00', '2026-11-22T16:00:00.000Z'],
    ['2026-02-30 00:00', null], // no such day
    ['2026-11-22 24:00', null],
    ['tomorrow', null],
  ])('fromShanghaiWallClock(%p) = %p', (wall, iso) => expect(fromShanghaiWallClock(wall)).toBe(iso));

  test('wall clock round trip', () => {
    const iso = '2026-06-01T01:02:03.000Z';
    expect(fromShanghaiWallClock(toShanghaiWallClock(iso)!)).toBe(iso);
    expect(toShanghaiWallClock('nope')).toBeNull();
  });
});

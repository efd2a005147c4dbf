// Seckill's console rules (contracts/display/seckill): a Beijing day, a whole hour and a length → the ISO window; the calendar's rows.
import { byShanghaiDay, seckillAction, seckillRefusal, sessionWindow } from '../../src/contracts/display';

describe('sessionWindow', () => {
  test.each([
    ['2026-12-08', 10, 2, { startAt: '2026-12-08T02:00:00.000Z', endAt: '2026-12-08T04:00:00.000Z' }],
    ['2026-12-08', 0, 24, { startAt: '2026-12-07T16:00:00.000Z', endAt: '2026-12-08T16:00:00.000Z' }],
    ['2026-12-08', 23, 2, { startAt: '2026-12-08T15:00:00.000Z', endAt: '2026-12-08T17:00:00.000Z' }],
    ['2026-12-08', 24, 2, null],
    ['2026-12-08', 10, 25, null],
    ['2026-12-08', 10, 0, null],
    ['2026-12-08', 10.5, 2, null],
    ['2026-02-30', 10, 2, null],
  ])('%s %p:00 for %p h → %p', (day, hour, hours, window) => expect(sessionWindow(day, hour, hours)).toEqual(window));
});

test('byShanghaiDay groups sessions by their Beijing day, in time order', () => {
  const s = (id: number, startAt: string) => ({ id, startAt });
  expect(
    byShanghaiDay([s(3, '2026-12-08T12:00:00Z'), s(1, '2026-12-07T16:00:00Z'), s(2, '2026-12-07T15:00:00Z')]),
  ).toEqual([
    ['2026-12-07', [s(2, '2026-12-07T15:00:00Z')]],
    ['2026-12-08', [s(1, '2026-12-07T16:00:00Z'), s(3, '2026-12-08T12:00:00Z')]],
  ]);
});

test.each([
  ['open', 3, 'grab'],
  ['open', 0, 'sold_out'],
  ['upcoming', 3, 'remind'],
  ['ended', 3, 'ended'],
] as const)('seckillAction(%p, %p) = %p', (status, remaining, action) =>
  expect(seckillAction(status, remaining)).toBe(action),
);

test.each([
  ['SOLD_OUT', '已抢光'],
  ['LIMIT_REACHED', '已达到每人限购数量'],
  ['SESSION_NOT_OPEN', '本场秒杀未开始或已结束'],
  ['RATE_LIMITED', '抢购人数过多，请稍后再试'],
  ['ADDRESS_NOT_FOUND', '收货地址无效，请重新选择后再抢'],
  ['PRODUCT_OFF_SHELF', '抢购未成功，请稍后再试'],
  [undefined, '抢购未成功，请稍后再试'],
])('seckillRefusal(%p) = %p', (code, text) => expect(seckillRefusal(code)).toBe(text));

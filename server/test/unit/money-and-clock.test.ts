import { BusinessClock, shanghaiDay } from '../../src/kernel/clock';
import { fenToYuanString, formatFen, yuanToFen } from '../../src/kernel/money';
import { shareCode } from '../../src/kernel/ids';

describe('money is integer fen', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [1990, '¥19.90'],
    [100000000, '¥1000000.00'],
    [-250, '-¥2.50'],
  ])('formatFen(%d) = %s', (fen, text) => expect(formatFen(fen)).toBe(text));

  it.each([
    ['19.9', 1990],
    ['0.05', 5],
    ['12', 1200],
    ['0.1', 10],
    ['1.15', 115], // 1.15 * 100 = 114.99999999999999 in floats
    ['-3.50', -350],
  ])('yuanToFen(%s) = %d, exactly', (yuan, fen) => expect(yuanToFen(yuan)).toBe(fen));

  it.each(['1.234', 'abc', '', '1e3', '.5'])('yuanToFen refuses %p', (bad) =>
    expect(() => yuanToFen(bad)).toThrow(TypeError),
  );
  it('refuses fractional fen', () => expect(() => formatFen(1.5)).toThrow(TypeError));
  it('gives Alipay its yuan string', () => expect(fenToYuanString(1)).toBe('0.01'));
});

describe('time', () => {
  it.each([
    ['2026-11-22T15:59:59Z', '2026-11-22'],
    ['2026-11-22T16:00:00Z', '2026-11-23'], // midnight in Shanghai
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('shanghaiDay(%s) = %s', (iso, day) => expect(shanghaiDay(new Date(iso))).toBe(day));

  it('the business clock only moves forward', () => {
    const c = new BusinessClock();
    const before = c.now().getTime();
    c.advance(60_000);
    expect(c.now().getTime() - before).toBeGreaterThanOrEqual(60_000);
    expect(() => c.advance(-1)).toThrow(RangeError);
    expect(() => c.advance(1.5)).toThrow(RangeError);
  });
});

it('share codes are [0-9A-Za-z] and do not repeat', () => {
  const codes = Array.from({ length: 2000 }, () => shareCode());
  expect(codes.every((c) => /^[0-9A-Za-z]{10}$/.test(c))).toBe(true);
  expect(new Set(codes).size).toBe(codes.length);
});

import { formatFen, splitFen } from '../src/services/money';

describe('formatFen', () => {
  test.each([
    [1990, '¥19.90'],
    [0, '¥0.00'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [100, '¥1.00'],
    [123456789, '¥1234567.89'],
    [-505, '-¥5.05'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  test('integer arithmetic: no float artefacts where floats would round wrongly', () => {
    // 1.005 * 100 === 100.49999999999999 in floating point; fen never goes through yuan floats
    expect(formatFen(1005)).toBe('¥10.05');
    expect(formatFen(29)).toBe('¥0.29');
    expect(formatFen(57)).toBe('¥0.57');
  });

  test('another symbol', () => {
    expect(formatFen(1990, '')).toBe('19.90');
  });
});

describe('splitFen', () => {
  test('splits for the big-yuan price display', () => {
    expect(splitFen(1990)).toEqual({ sign: '', yuan: '19', cents: '90' });
    expect(splitFen(-1)).toEqual({ sign: '-', yuan: '0', cents: '01' });
  });
});

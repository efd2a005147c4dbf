/**
 * Integer fen (分) → display yuan, e.g. `formatFen(1990) === '¥19.90'`. Integer arithmetic only: no floats,
 * so no `0.1 + 0.2` surprises. Fractions of a fen (should never arrive) are truncated toward zero.
 */
export function formatFen(fen: number, symbol = '¥'): string {
  const value = Math.trunc(fen);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${symbol}${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}

/** The same, split for a big-yuan / small-cents price display: `splitFen(1990) → { yuan: '19', cents: '90' }`. */
export function splitFen(fen: number): { sign: string; yuan: string; cents: string } {
  const [, sign, yuan, cents] = /^(-?)¥(\d+)\.(\d\d)$/.exec(formatFen(fen)) ?? ['', '', '0', '00'];
  return { sign, yuan, cents };
}

// Money is integer fen (分). These helpers keep it that way: no floats ever enter arithmetic.

export type Fen = number;

export function assertFen(value: number, what = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${what} must be an integer number of fen, got ${value}`);
  return value;
}

/** ¥x.yy for display, exact for any safe integer. */
export function formatFen(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Parses a decimal yuan string ("19.9", "0.05", "12") into fen without float arithmetic. */
export function yuanToFen(yuan: string): Fen {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new TypeError(`not a yuan amount: ${yuan}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return assertFen(m[1] ? -fen : fen);
}

/** Fen as a yuan string with two decimals ("19.90"), as Alipay's total_amount wants. */
export function fenToYuanString(fen: Fen): string {
  return formatFen(fen).replace('¥', '');
}

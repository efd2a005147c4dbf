// Money is integer fen (分). These helpers keep it that way: no floats ever enter arithmetic. Formatting and
// parsing live once in contracts/display (shared with the admin and the shop); the server only adds strictness.
import { formatFen as formatDisplay, yuanToFen as parseYuan } from '../contracts/display/money';

export type Fen = number;

export function assertFen(value: number, what = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${what} must be an integer number of fen, got ${value}`);
  return value;
}

/** ¥x.yy for display, exact for any safe integer; throws on anything else (a bug, never a "—" in a message). */
export function formatFen(fen: Fen): string {
  return formatDisplay(assertFen(fen));
}

/** Parses a decimal yuan string ("19.9", "0.05", "12", "-3.50") into fen without float arithmetic; throws if bad. */
export function yuanToFen(yuan: string): Fen {
  const m = /^(-)?(\S*)$/.exec(yuan.trim());
  const fen = m?.[2] ? parseYuan(m[2]) : null;
  if (fen === null) throw new TypeError(`not a yuan amount: ${yuan}`);
  return assertFen(m?.[1] ? -fen : fen);
}

/** Fen as a yuan string with two decimals ("19.90"), as Alipay's total_amount wants. */
export function fenToYuanString(fen: Fen): string {
  return formatFen(fen).replace('¥', '');
}

// Money is integer fen (分) on the wire. These helpers never let a float into the arithmetic.

/** 1990 → "¥19.90"; exact for every safe integer. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A yuan amount as an operator types it: digits, optionally a point and one or two decimals. */
export const YUAN_PATTERN = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** "19.9" → 1990, "0.05" → 5, "12" → 1200; null when it is not a plain non-negative yuan amount. */
export function yuanToFen(input: string): number | null {
  const m = YUAN_PATTERN.exec(input.trim());
  if (!m) return null;
  const whole = m[1] ?? '0';
  const cents = (m[2] ?? '').padEnd(2, '0');
  return Number(whole) * 100 + Number(cents);
}

/** 1990 → "19.90": a fen amount as the operator edits it (no currency sign); '' when it is not a money amount. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) return '';
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

// Money is integer fen (分) on the wire and in storage. These helpers are the one place fen becomes text and
// text becomes fen, for the server, the admin and the shop alike; no float ever enters the arithmetic.

/** 1990 → "¥19.90", -505 → "-¥5.05"; exact for every safe integer, "—" for anything that is not a fen amount. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The same amount split for a big-yuan / small-cents price: 1990 → { sign: '', yuan: '19', cents: '90' }. */
export function splitFen(fen: number): { sign: string; yuan: string; cents: string } {
  const [, sign = '', yuan = '0', cents = '00'] = /^(-?)¥(\d+)\.(\d\d)$/.exec(formatFen(fen)) ?? [];
  return { sign, yuan, cents };
}

/** A yuan amount as a person types it: digits, optionally a point and one or two decimals. */
export const YUAN_PATTERN = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** "19.9" → 1990, "0.05" → 5, "12" → 1200; null when it is not a plain non-negative yuan amount. */
export function yuanToFen(input: string): number | null {
  const m = YUAN_PATTERN.exec(input.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1990 → "19.90": a non-negative amount as it is edited (no currency sign); '' when it is not one. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) return '';
  return formatFen(fen).slice(1);
}

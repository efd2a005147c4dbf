import { z } from './zod';

/** The largest id (INT columns). */
export const MAX_ID = 2_147_483_647;
/** Money and counts are stored in INT UNSIGNED columns: nothing we accept may exceed this (4,294,967,295). */
export const MAX_UINT = 4_294_967_295;
/** Business maxima: a SKU's stock, units of one SKU on an order line or a cart line. */
export const MAX_STOCK = 99_999_999;
export const MAX_QUANTITY = 999;

/** Database ids are positive integers, as JSON numbers everywhere. Path params arrive as strings. */
export const Id = z.number().int().positive().max(MAX_ID).openapi({ example: 42 });

/**
 * A whole number written in digits only, as path and query parameters arrive (strings): `27`, never `+27`,
 * `27.0`, `27e0`, ` 27` or `027`, which `Number()` would all read as 27.
 */
export function digitsInt(min: number, max: number) {
  const pattern = min === 0 ? /^(0|[1-9][0-9]*)$/ : /^[1-9][0-9]*$/;
  return z
    .string()
    .regex(pattern, 'digits only')
    .max(String(max).length)
    .refine((s) => Number(s) >= min && Number(s) <= max, `between ${min} and ${max}`)
    .transform(Number)
    .openapi({ type: 'integer', minimum: min, maximum: max, example: min === 0 ? 0 : 27 });
}

/** A positive id in a path or query parameter: digits only. */
export const IdString = digitsInt(1, MAX_ID);
export const IdParam = z.object({ id: IdString });

/** Money is integer fen (分). */
export const Fen = z.number().int().nonnegative().openapi({ description: 'integer fen (分)', example: 1990 });
/** A price an operator sets, in fen: at least 1 fen and within the column's range. */
export const PriceFen = z
  .number()
  .int()
  .min(1)
  .max(MAX_UINT)
  .openapi({ description: 'integer fen (分), 1 – 4294967295', example: 1990 });
/** Units in stock an operator sets. */
export const StockCount = z.number().int().min(0).max(MAX_STOCK);
/** Units of one SKU on an order, cart or after-sale line. */
export const Quantity = z.number().int().min(1).max(MAX_QUANTITY);

/**
 * An image or avatar URL a client may store: an `https:` URL, or a path under our own `/uploads/` (what the
 * upload endpoint answers). Never `javascript:`, `data:`, `http:` or a path elsewhere on the site.
 */
export const ImageUrlInput = z
  .string()
  .trim()
  .max(500)
  .refine(isImageUrl, 'an https: URL or an /uploads/ path')
  .openapi({
    description: 'an https: URL, or a path under /uploads/ (what the image upload answers)',
    pattern: '^(https://|/uploads/)',
    example: '/uploads/2026/11/3f9a0c1e2b7d4a56.png',
  });

const UPLOAD_PATH = /^\/uploads\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
function isImageUrl(s: string): boolean {
  if (s.startsWith('/')) return UPLOAD_PATH.test(s) && !s.split('/').includes('..');
  if (!/^https:\/\//i.test(s) || /[\s\\<>"']/.test(s)) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}

export const Page = z.object({
  page: digitsInt(1, 1_000_000).default(1),
  pageSize: digitsInt(1, 100).default(20),
});

export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

export const Ok = z.object({ ok: z.literal(true) }).openapi('Ok');

/** an instant as the API answers it */
export const DateTime = z.string().openapi({ format: 'date-time' });
/** an instant with its offset, between 2000 and 2100 (what a DATETIME column and a campaign window can hold) */
export const Instant = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() >= Date.UTC(2000, 0, 1) && d.getTime() < Date.UTC(2100, 0, 1), '须在 2000–2099 年之间')
  .openapi({ type: 'string', format: 'date-time' });

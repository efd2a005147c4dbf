import { z } from './zod';

/** Database ids are positive integers, as JSON numbers everywhere. Path params arrive as strings. */
export const Id = z.number().int().positive().openapi({ example: 42 });
export const IdParam = z.object({ id: z.coerce.number().int().positive() });

/** Money is integer fen (分). */
export const Fen = z.number().int().nonnegative().openapi({ description: 'integer fen (分)', example: 1990 });

export const Page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
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

// The one place errors become HTTP: AppError kinds map to statuses and the envelope
// {error:{code,message,details?}}; zod errors are 400 VALIDATION_FAILED; anything unknown is a generic 500 whose
// details stay in the log (with the request id, which the client also gets back).
import type { Context, Next } from 'koa';
import { ZodError } from 'zod';
import { AppError, type ErrorKind } from '../kernel/errors';
import type { Logger } from '../platform/logger';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } | undefined {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: STATUS[error.kind], body };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: '请求参数不正确',
          details: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      },
    };
  }
  // Koa/body-parser errors carry an exposable 4xx status (malformed JSON, payload too large…).
  const e = error as { status?: number; expose?: boolean; type?: string };
  if (e?.status === 405 || e?.status === 501) {
    return { status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED', message: '该接口不支持这个请求方法' } } };
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
    const code = e.status === 413 ? 'PAYLOAD_TOO_LARGE' : e.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    return { status: e.status, body: { error: { code, message: '请求格式不正确' } } };
  }
  return undefined;
}

export function errorHandler(logger: Logger) {
  return async function handleErrors(ctx: Context, next: Next) {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = { error: { code: 'NOT_FOUND', message: `没有这个接口: ${ctx.method} ${ctx.path}` } };
      }
    } catch (error) {
      const mapped = toErrorResponse(error);
      if (mapped) {
        ctx.status = mapped.status;
        ctx.body = mapped.body;
        if (mapped.status === 429) {
          const retry = (mapped.body.error.details as { retryAfterSec?: number } | undefined)?.retryAfterSec;
          if (retry) ctx.set('Retry-After', String(retry));
        }
        logger.info({ status: mapped.status, code: mapped.body.error.code }, 'request refused');
        return;
      }
      logger.error({ err: error }, 'unhandled error');
      ctx.status = 500;
      ctx.body = {
        error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试', details: { requestId: ctx.state.requestId } },
      };
    }
  };
}

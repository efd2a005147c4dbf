// The one place errors become HTTP: AppError kinds map to statuses (kernel's ERROR_STATUS) and the envelope
// {error:{code,message,details?}}; zod errors are 400 VALIDATION_FAILED; anything unknown is a generic 500 whose
// details stay in the log (with the request id, which the client also gets back).
import type { Context, Next } from 'koa';
import { ZodError } from 'zod';
import { AppError, defineErrors, ERROR_STATUS, PlatformErrors, type ErrorSpec } from '../kernel/errors';
import type { Logger } from '../platform/logger';

/** Codes only the HTTP layer answers: Koa's own refusals, uploads, and the sandbox controls. */
export const HttpErrors = defineErrors('http', {
  METHOD_NOT_ALLOWED: { kind: 'method_not_allowed', message: '该接口不支持这个请求方法' },
  PAYLOAD_TOO_LARGE: { kind: 'too_large', message: '请求体过大' },
  UNSUPPORTED_MEDIA_TYPE: { kind: 'unsupported_media_type', message: '请求格式不正确' },
  FILE_TOO_LARGE: { kind: 'too_large', message: '文件过大' },
  UPLOAD_REFUSED: { kind: 'invalid', message: '上传被拒绝' },
  BAD_UPLOAD: { kind: 'invalid', message: '请求不是合法的 multipart/form-data' },
  JOB_NOT_FOUND: { kind: 'not_found', message: '没有这个任务' },
  JOB_BUSY: { kind: 'unavailable', message: '任务一直被占用' },
  PATH_TRAVERSAL: { kind: 'invalid', message: '路径不能包含 ".." 段（越出所在目录）' },
});

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** A library's exposable 4xx (Koa, body parser, koa-send) → the declared code that says what it is. */
const BY_STATUS: Readonly<Record<number, ErrorSpec>> = {
  400: { ...PlatformErrors.BAD_REQUEST, message: '请求格式不正确' },
  401: PlatformErrors.UNAUTHENTICATED,
  403: PlatformErrors.FORBIDDEN,
  404: PlatformErrors.NOT_FOUND,
  413: HttpErrors.PAYLOAD_TOO_LARGE,
  415: HttpErrors.UNSUPPORTED_MEDIA_TYPE,
};

export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } | undefined {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: ERROR_STATUS[error.kind], body };
  }
  if (error instanceof ZodError) {
    return toErrorResponse(
      PlatformErrors.VALIDATION_FAILED(error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))),
    );
  }
  // Koa/body-parser errors carry an exposable 4xx status (malformed JSON, payload too large…).
  const e = error as { status?: number; expose?: boolean; type?: string };
  if (e?.status === 405 || e?.status === 501) return toErrorResponse(HttpErrors.METHOD_NOT_ALLOWED());
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
    const declared = BY_STATUS[e.status];
    if (declared)
      return { status: declared.status, body: { error: { code: declared.code, message: declared.message } } };
    // the message stays the one clients have always had; another 4xx keeps its own status under BAD_REQUEST
    return { status: e.status, body: { error: { code: PlatformErrors.BAD_REQUEST.code, message: '请求格式不正确' } } };
  }
  return undefined;
}

const refusals = new WeakMap<AppError, { status: number; json: string }>();

/**
 * Answers a declared error without throwing it (a route's short circuit): the envelope `toErrorResponse` makes,
 * serialised once per error instance. The request's own log line still records the status.
 */
export function sendRefusal(ctx: Context, error: AppError): void {
  let answer = refusals.get(error);
  if (!answer) {
    const mapped = toErrorResponse(error)!;
    answer = { status: mapped.status, json: JSON.stringify(mapped.body) };
    refusals.set(error, answer);
  }
  ctx.status = answer.status;
  ctx.type = 'application/json';
  ctx.body = answer.json;
}

export function errorHandler(logger: Logger) {
  return async function handleErrors(ctx: Context, next: Next) {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = {
          error: { code: PlatformErrors.NOT_FOUND.code, message: `没有这个接口: ${ctx.method} ${ctx.path}` },
        };
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

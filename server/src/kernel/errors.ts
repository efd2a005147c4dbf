// One error model: every expected failure is an AppError with a stable UPPER_SNAKE code. The HTTP layer maps it
// to a status and the envelope {error:{code,message,details?}} in one place (http/error-handler.ts).

export type ErrorKind =
  | 'invalid' // 400: the request is malformed or breaks a rule
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'method_not_allowed' // 405
  | 'conflict' // 409: the state of things forbids it (sold out, already used…)
  | 'too_large' // 413
  | 'unprocessable' // 422
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (code: string, message: string, details?: unknown) =>
  new AppError('invalid', code, message, details);
export const unauthenticated = (message = '请先登录', code = 'UNAUTHENTICATED') =>
  new AppError('unauthenticated', code, message);
export const forbidden = (message = '没有权限', code = 'FORBIDDEN') => new AppError('forbidden', code, message);
export const notFound = (what: string, code = 'NOT_FOUND') => new AppError('not_found', code, `${what}不存在`);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError('conflict', code, message, details);
export const tooLarge = (code: string, message: string, details?: unknown) =>
  new AppError('too_large', code, message, details);
export const rateLimited = (retryAfterSec: number) =>
  new AppError('rate_limited', 'RATE_LIMITED', '请求过于频繁，请稍后再试', { retryAfterSec });
export const unavailable = (code: string, message: string) => new AppError('unavailable', code, message);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

// One error model: every expected failure is an AppError with a stable UPPER_SNAKE code. Codes are declared once,
// with `defineErrors`, by the module that owns them (`modules/<name>/errors.ts`); the platform's own codes are
// declared below (`PlatformErrors`) and the HTTP layer's in http/error-handler.ts (`HttpErrors`). A declaration
// gives each code its kind (hence its HTTP status, `ERROR_STATUS`) and its default message; the same declarations
// are what the code throws (`OrderErrors.ORDER_NOT_FOUND()`) and what routes list in their `errors`, which the
// OpenAPI document is built from. http/error-handler.ts writes the envelope {error:{code,message,details?}}.

export type ErrorKind =
  | 'invalid' // 400: the request is malformed or breaks a rule
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'method_not_allowed' // 405
  | 'conflict' // 409: the state of things forbids it (sold out, already used…)
  | 'too_large' // 413
  | 'unsupported_media_type' // 415
  | 'unprocessable' // 422
  | 'rate_limited' // 429
  | 'unavailable'; // 503

/** The one kind → HTTP status mapping (the error handler and the OpenAPI document both read it). */
export const ERROR_STATUS: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

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

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

// ---- declaring codes ----

/** A declared error: what the code means on the wire, for documentation and tests. */
export interface ErrorSpec<C extends string = string> {
  /** who declared it: a module name, `platform` or `http` */
  readonly owner: string;
  readonly code: C;
  readonly kind: ErrorKind;
  readonly status: number;
  /** the default message (a throw site may pass a more precise one) */
  readonly message: string;
}

/** Throws-ready form of a declared error: `OrderErrors.ORDER_NOT_FOUND()`, or with details and a precise message. */
export interface ErrorFactory<C extends string = string> extends ErrorSpec<C> {
  (details?: unknown, message?: string): AppError;
  /** is `e` this declared error (same code and kind)? */
  is(e: unknown): e is AppError;
}

export interface ErrorDeclaration {
  kind: ErrorKind;
  message: string;
  /**
   * The wire code when it differs from the declaration's key. Only for one code answered with two kinds by the
   * same module (e.g. CATALOG's CATEGORY_NOT_FOUND: 404 for the category in the path, 400 for one named in a
   * body), where changing either would break clients. The code must also be declared under its own key.
   */
  code?: string;
}

type CodeOf<K extends string, D> = D extends { code: infer C extends string } ? C : K;

/** The factories of one owner's codes, keyed by code, plus `specs` (non-enumerable) listing them all. */
export type DeclaredErrors<D extends Record<string, ErrorDeclaration>> = {
  readonly [K in keyof D & string]: ErrorFactory<CodeOf<K, D[K]>>;
} & { readonly owner: string; readonly specs: readonly ErrorSpec[] };

export const ERROR_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** Every declared code in this process → its owner and the kinds it is declared with. */
const registry = new Map<string, { owner: string; specs: ErrorSpec[] }>();

/**
 * Declares an owner's error codes once: code (UPPER_SNAKE) → kind and default message. Returns one factory per
 * code. A code declared by two owners throws here (at import, so at boot and in every test), as does a key that
 * is not UPPER_SNAKE or an alias (`code`) whose code the same declaration does not also declare.
 */
export function defineErrors<const D extends Record<string, ErrorDeclaration>>(
  owner: string,
  declarations: D,
): DeclaredErrors<D> {
  const out: Record<string, ErrorFactory> = {};
  const specs: ErrorSpec[] = [];
  for (const [key, d] of Object.entries(declarations)) {
    const code = d.code ?? key;
    for (const name of [key, code])
      if (!ERROR_CODE.test(name)) throw new Error(`${owner}: error code ${name} is not UPPER_SNAKE`);
    if (d.code !== undefined && !(d.code in declarations))
      throw new Error(`${owner}: ${key} answers as ${d.code}, which ${owner} does not declare`);
    if (!(d.kind in ERROR_STATUS)) throw new Error(`${owner}: ${key} has an unknown kind ${d.kind}`);
    const spec: ErrorSpec = { owner, code, kind: d.kind, status: ERROR_STATUS[d.kind], message: d.message };
    const factory = ((details?: unknown, message?: string) =>
      new AppError(spec.kind, spec.code, message ?? spec.message, details)) as ErrorFactory;
    Object.assign(factory, spec, {
      is: (e: unknown): e is AppError => e instanceof AppError && e.code === spec.code && e.kind === spec.kind,
    });
    out[key] = Object.freeze(factory);
    specs.push(Object.freeze(spec));
    register(spec);
  }
  Object.defineProperty(out, 'owner', { value: owner, enumerable: false });
  Object.defineProperty(out, 'specs', { value: Object.freeze(specs), enumerable: false });
  return Object.freeze(out) as unknown as DeclaredErrors<D>;
}

function register(spec: ErrorSpec): void {
  const entry = registry.get(spec.code);
  if (!entry) {
    registry.set(spec.code, { owner: spec.owner, specs: [spec] });
    return;
  }
  if (entry.owner !== spec.owner)
    throw new Error(`error code ${spec.code} is declared by both ${entry.owner} and ${spec.owner}: import it`);
  if (!entry.specs.some((s) => s.kind === spec.kind)) entry.specs.push(spec);
}

/** Every code declared so far in this process (whatever has been imported), with its declarations. */
export function declaredErrors(): ReadonlyMap<string, { owner: string; specs: readonly ErrorSpec[] }> {
  return registry;
}

// ---- the platform's own codes ----

/**
 * Codes that belong to no feature module: request validation and authentication (thrown by http/ and
 * platform/session-tokens), the rate limiter, idempotency keys, and the WeChat, Alipay and SMS adapters.
 */
export const PlatformErrors = defineErrors('platform', {
  VALIDATION_FAILED: { kind: 'invalid', message: '请求参数不正确' },
  BAD_REQUEST: { kind: 'invalid', message: '请求格式不正确' },
  IDEMPOTENCY_KEY_INVALID: {
    kind: 'invalid',
    message: 'Idempotency-Key 须为 1–255 个可打印 ASCII 字符',
  },
  IDEMPOTENCY_KEY_REUSED: { kind: 'unprocessable', message: '这个 Idempotency-Key 已用于另一个请求' },
  UNAUTHENTICATED: { kind: 'unauthenticated', message: '请先登录' },
  SESSION_EXPIRED: { kind: 'unauthenticated', message: '登录已过期，请重新登录' },
  FORBIDDEN: { kind: 'forbidden', message: '没有权限' },
  NOT_FOUND: { kind: 'not_found', message: '请求的资源不存在' },
  RATE_LIMITED: { kind: 'rate_limited', message: '请求过于频繁，请稍后再试' },
  WECHAT_CODE_INVALID: { kind: 'invalid', message: '微信登录凭证无效或已使用，请重试' },
  WECHAT_USER_RISKY: { kind: 'forbidden', message: '该微信账号暂时无法登录' },
  WECHAT_UNAVAILABLE: { kind: 'unavailable', message: '微信服务暂不可用，请稍后再试' },
  ALIPAY_CODE_INVALID: { kind: 'invalid', message: '支付宝授权码无效或已使用，请重试' },
  ALIPAY_UNAVAILABLE: { kind: 'unavailable', message: '支付宝服务暂不可用，请稍后再试' },
  SMS_UNAVAILABLE: { kind: 'unavailable', message: '短信服务未配置，请使用微信或支付宝登录' },
});

// ---- helpers for the platform adapters (modules throw their declared errors instead) ----

export const invalid = (code: string, message: string, details?: unknown) =>
  new AppError('invalid', code, message, details);
export const unauthenticated = (message = PlatformErrors.UNAUTHENTICATED.message, code = 'UNAUTHENTICATED') =>
  new AppError('unauthenticated', code, message);
export const forbidden = (message = PlatformErrors.FORBIDDEN.message, code = 'FORBIDDEN') =>
  new AppError('forbidden', code, message);
export const notFound = (what: string, code = 'NOT_FOUND') => new AppError('not_found', code, `${what}不存在`);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError('conflict', code, message, details);
export const tooLarge = (code: string, message: string, details?: unknown) =>
  new AppError('too_large', code, message, details);
export const rateLimited = (retryAfterSec: number) => PlatformErrors.RATE_LIMITED({ retryAfterSec });
export const unavailable = (code: string, message: string) => new AppError('unavailable', code, message);

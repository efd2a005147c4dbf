// Routes are declared, thin and typed: a route names its contract (params, query, body, response), its access,
// its rate limit, and a handler that only calls a use case. The same declaration mounts the Koa route and
// documents it in the OpenAPI registry, so the document cannot drift from what is validated.
import { cachedJson } from '../platform/micro-cache';
import { sendPrecompressed } from './cached-compression';
import Router from '@koa/router';
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Context, Middleware } from 'koa';
import type { z, ZodType } from 'zod';
import { mayAccess, type RolePolicy } from './access';
import { ErrorEnvelope } from '../contracts/common';
import multer from '@koa/multer';
import { PlatformErrors, type AppError, type ErrorSpec } from '../kernel/errors';
import type { OperatorStateSource } from '../platform/session-tokens';
import { bearerToken, type Actor, type SessionTokens } from './auth';
import { HttpErrors, sendRefusal } from './error-handler';
import { claimOperationId } from './openapi';
import type { RateLimits, RateRule } from '../platform/rate-limit';

export type Access = 'public' | 'consumer' | 'operator' | RolePolicy;

type Infer<S> = S extends ZodType ? z.output<S> : undefined;

/**
 * What a route documents it may answer besides its success: a declared error (`OrderErrors.ORDER_NOT_FOUND`, from
 * the owner's `defineErrors`), the same with what it means on this route (`{ error, when }`), or, for a `rawReply`
 * route only, an answer outside the error envelope (`{ status, raw }`: the payment providers' reply formats).
 * The document groups them by status; VALIDATION_FAILED, BAD_REQUEST (a body), the upload codes, 401, 403 and 429
 * follow from the route's own declaration and are added automatically.
 */
export type RouteError =
  | ErrorSpec
  | { error: ErrorSpec; when: string }
  | { status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503; raw: string };

export interface RouteInput<P, Q, B, A> {
  params: P;
  query: Q;
  body: B;
  actor: A;
  ctx: Context;
}

type ActorOf<Ac extends Access> = Ac extends 'public'
  ? Actor | undefined
  : Ac extends 'consumer'
    ? Extract<Actor, { kind: 'consumer' }>
    : Extract<Actor, { kind: 'operator' }>;

export interface RouteSpec<
  Ps extends ZodType | undefined = ZodType | undefined,
  Qs extends ZodType | undefined = ZodType | undefined,
  Bs extends ZodType | undefined = ZodType | undefined,
  Rs extends ZodType = ZodType,
  Ac extends Access = Access,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Koa style, e.g. /api/v1/products/:id */
  path: string;
  summary: string;
  /**
   * The OpenAPI `operationId`; unique across the API. Leave it out to derive it from method and path
   * (see `deriveOperationId` in http/openapi.ts, e.g. `POST /api/admin/v1/groupbuy/groups/:code/close` →
   * `postAdminGroupbuyGroupsCloseByCode`); set it only to keep a published id stable when the path moves.
   */
  operationId?: string;
  /** OpenAPI tags; each should have a description in `TAG_DESCRIPTIONS` (http/openapi.ts) */
  tags: string[];
  access: Ac;
  params?: Ps;
  query?: Qs;
  body?: Bs;
  response: Rs;
  status?: 200 | 201 | 202 | 204;
  /** every declared error the route (its handler and the use cases it calls) can answer; see `RouteError` */
  errors?: readonly RouteError[];
  /** the handler answers `{status, body?}` itself, outside the JSON envelope (payment notifications) */
  rawReply?: boolean;
  /** a documented request body the handler reads raw (signatures need the exact bytes), never parsed here */
  rawBody?: ZodType;
  /**
   * A multipart/form-data request with one file (read into memory, at most `maxBytes`); the handler finds it at
   * `ctx.request.file`. Access is checked before a byte of the file is read.
   */
  upload?: { field: string; maxBytes: number; form: ZodType };
  /**
   * An answer this instance knows without Redis or SQL (seckill's sold-out flag), given before the body is even read
   * and before everything the route does (authentication, the rate limit, validation), so only for what is public
   * anyway (`shortCircuits` below): returns a declared error to answer at once (the same envelope, serialised once
   * per error), or undefined to go on. It sees the raw path parameters.
   */
  shortCircuit?(params: Record<string, string>): AppError | undefined;
  /** rate limit per actor (or per IP for public routes) */
  rateLimit?: RateRule & { by?: 'actor' | 'ip' };
  handler(input: RouteInput<Infer<Ps>, Infer<Qs>, Infer<Bs>, ActorOf<Ac>>): Promise<z.input<Rs>> | z.input<Rs>;
}

/** Identity function that keeps the route's types inferred from its schemas. */
export function defineRoute<
  Ps extends ZodType | undefined,
  Qs extends ZodType | undefined,
  Bs extends ZodType | undefined,
  Rs extends ZodType,
  Ac extends Access,
>(spec: RouteSpec<Ps, Qs, Bs, Rs, Ac>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export interface MountDeps {
  tokens: SessionTokens;
  /** an operator's current role, disabled flag and session version (the identity module's, cached in Redis) */
  operatorStates: OperatorStateSource;
  rateLimits: RateLimits;
  /** re-validate responses against their schema (all: tests and development): contract drift fails loudly */
  responseChecks: 'all' | 'sampled' | 'off';
  /** per-IP limits allow at least this many requests a minute (api-contract.md: 600 in sandbox mode) */
  minPerIpPerMinute: number;
}

/** A per-IP rule raised to the floor (scaled to its window); per-user rules are kept as declared. */
export function effectiveRule(
  rule: RateRule & { by?: 'actor' | 'ip' },
  byIp: boolean,
  minPerIpPerMinute: number,
): RateRule {
  if (!byIp) return rule;
  const floor = Math.ceil((minPerIpPerMinute * rule.durationSec) / 60);
  return { points: Math.max(rule.points, floor), durationSec: rule.durationSec };
}

/**
 * Who calls: nobody (public), a consumer, or an operator *as they are now*. An operator token is checked against the
 * operator's current state on every request (`SessionTokens.verifyOperator`): disabled or signed out → 401 at once,
 * and the role policy is judged on the current role, never the one in force when the token was issued.
 */
async function authenticate(ctx: Context, access: Access, deps: MountDeps): Promise<Actor | undefined> {
  const { tokens } = deps;
  const token = bearerToken(ctx.get('authorization') || undefined);
  if (access === 'public') {
    if (!token) return undefined;
    try {
      return tokens.verify(token, 'consumer');
    } catch {
      return undefined; // a public route ignores a stale token rather than refusing the request
    }
  }
  if (!token) throw PlatformErrors.UNAUTHENTICATED();
  if (access === 'consumer') return tokens.verify(token, 'consumer');
  const operator = await tokens.verifyOperator(token, deps.operatorStates);
  if (access !== 'operator' && !mayAccess(operator.role, access)) {
    throw PlatformErrors.FORBIDDEN(undefined, '当前角色没有这个权限');
  }
  return operator;
}

export function mountRoute(router: Router, registry: OpenAPIRegistry, spec: RouteSpec, deps: MountDeps): void {
  const readUpload = spec.upload ? uploadReader(spec.upload) : undefined;
  router[spec.method](spec.path, async (ctx) => {
    const actor = await authenticate(ctx, spec.access, deps);
    if (spec.rateLimit) {
      const byIp = spec.rateLimit.by === 'ip' || !actor;
      const subject = byIp
        ? `ip:${ctx.ip}`
        : actor.kind === 'consumer'
          ? `u:${actor.userId}`
          : `op:${actor.operatorId}`;
      const rule = effectiveRule(spec.rateLimit, byIp, deps.minPerIpPerMinute);
      await deps.rateLimits.consume(`${spec.method}:${spec.path}`, rule, subject);
    }
    if (readUpload) await readUpload(ctx);
    const input = {
      params: spec.params ? spec.params.parse(ctx.params) : undefined,
      query: spec.query ? spec.query.parse(ctx.query) : undefined,
      body: spec.body ? spec.body.parse(ctx.request.body ?? {}) : undefined,
      actor,
      ctx,
    };
    const result = await spec.handler(input as never);
    if (spec.rawReply) {
      const reply = result as { status: number; body?: unknown };
      ctx.status = reply.status;
      if (reply.body !== undefined) ctx.body = reply.body;
      return;
    }
    ctx.status = spec.status ?? 200;
    const body = shouldCheck(deps.responseChecks) ? checkResponse(spec, result) : result;
    if (body === undefined) return;
    // serialised here, once: an object body is stringified by Koa when it responds and again by koa-compress
    // asking for its length first. A value from a micro-cache is sent as the JSON (and compressed bytes) made
    // when it was loaded; it has passed the contract check above all the same.
    ctx.type = 'application/json';
    const cached = cachedJson(result);
    if (cached !== undefined && sendPrecompressed(ctx, result as object, cached)) return;
    ctx.body = cached ?? JSON.stringify(body);
  });
  registry.registerPath(toOpenApi(spec));
}

/**
 * The routes' short circuits as one middleware, mounted before the body parser: a request one of them answers
 * costs no body parsing, no token check and no rate-limit call. Everything else passes straight on.
 */
export function shortCircuits(specs: RouteSpec[]): Middleware {
  const router = new Router();
  for (const spec of specs) {
    const check = spec.shortCircuit;
    if (!check) continue;
    router[spec.method](spec.path, (ctx, next) => {
      const answer = check(ctx.params as Record<string, string>);
      if (answer) return sendRefusal(ctx, answer);
      return next();
    });
  }
  return router.routes() as unknown as Middleware;
}

/** A multipart reader for one file, made once per route; its errors become the envelope's 400 / 413. */
function uploadReader(upload: NonNullable<RouteSpec['upload']>): (ctx: Context) => Promise<void> {
  const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: upload.maxBytes, files: 1 } }).single(
    upload.field,
  );
  return async (ctx) => {
    try {
      await parse(ctx as never, async () => {});
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE')
        throw HttpErrors.FILE_TOO_LARGE(undefined, `文件不能超过 ${upload.maxBytes} 字节`);
      if (typeof code === 'string' && code.startsWith('LIMIT_'))
        throw HttpErrors.UPLOAD_REFUSED(undefined, `上传被拒绝: ${code}`);
      throw HttpErrors.BAD_UPLOAD();
    }
  };
}

const SAMPLE_ONE_IN = 100;
const shouldCheck = (mode: MountDeps['responseChecks']) =>
  mode === 'all' || (mode === 'sampled' && Math.random() * SAMPLE_ONE_IN < 1);

/** A response that breaks its own contract is our bug: a 500 (logged), never the client's 400. */
function checkResponse(spec: RouteSpec, result: unknown): unknown {
  const parsed = spec.response.safeParse(result);
  if (parsed.success) return parsed.data;
  throw new Error(`response of ${spec.method.toUpperCase()} ${spec.path} breaks its contract: ${parsed.error.message}`);
}

function toOpenApi(spec: RouteSpec): RouteConfig {
  const operationId = claimOperationId(spec); // throws on an id another route already has
  const responses: RouteConfig['responses'] = {
    [spec.status ?? 200]:
      spec.status === 204
        ? { description: 'No Content' }
        : { description: 'OK', content: { 'application/json': { schema: spec.response } } },
  };
  for (const [status, answer] of errorResponses(spec)) {
    responses[status] = answer.enveloped
      ? { description: answer.description, content: { 'application/json': { schema: ErrorEnvelope } } }
      : { description: answer.description };
  }
  const request: RouteConfig['request'] = {};
  if (spec.params) request.params = spec.params as never;
  if (spec.query) request.query = spec.query as never;
  const body = spec.body ?? spec.rawBody;
  if (body) request.body = { content: { 'application/json': { schema: body } }, required: true };
  if (spec.upload) request.body = { content: { 'multipart/form-data': { schema: spec.upload.form } }, required: true };
  return {
    method: spec.method,
    path: spec.path.replace(/:(\w+)/g, '{$1}'),
    operationId,
    summary: spec.summary,
    tags: spec.tags,
    security: spec.access === 'public' ? [] : [{ bearerAuth: [] }],
    request,
    responses,
  };
}

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** The errors a route answers whatever its handler does: input validation, authentication, roles, its rate limit. */
function automaticErrors(spec: RouteSpec): RouteError[] {
  const validates = spec.params || spec.query || spec.body || spec.upload;
  const out: RouteError[] = [];
  // a raw-reply route without inputs answers its 4xx in its own format (declared as `raw`)
  if (validates || !spec.rawReply) out.push(PlatformErrors.VALIDATION_FAILED);
  if (spec.body) out.push({ error: PlatformErrors.BAD_REQUEST, when: '请求体不是合法的 JSON' });
  if (spec.upload) out.push(HttpErrors.BAD_UPLOAD, HttpErrors.UPLOAD_REFUSED, HttpErrors.FILE_TOO_LARGE);
  if (spec.access !== 'public') out.push(PlatformErrors.UNAUTHENTICATED, PlatformErrors.SESSION_EXPIRED);
  if (typeof spec.access === 'object') out.push({ error: PlatformErrors.FORBIDDEN, when: '当前角色没有这个权限' });
  if (spec.rateLimit) {
    const { points, durationSec } = spec.rateLimit;
    out.push({ error: PlatformErrors.RATE_LIMITED, when: `超过频率限制: ${points} 次 / ${durationSec} 秒` });
  }
  return out;
}

/**
 * The route's error responses by status: each names every code it may carry with its message (and what it means
 * here), so the document lists exactly the declared errors the route throws.
 */
export function errorResponses(spec: RouteSpec): Map<number, { description: string; enveloped: boolean }> {
  const name = `${spec.method.toUpperCase()} ${spec.path}`;
  const byStatus = new Map<number, { lines: string[]; codes: Set<string>; enveloped: boolean }>();
  const at = (status: number) => {
    let entry = byStatus.get(status);
    if (!entry) byStatus.set(status, (entry = { lines: [], codes: new Set(), enveloped: false }));
    return entry;
  };
  for (const e of [...automaticErrors(spec), ...(spec.errors ?? [])]) {
    if ('raw' in e) {
      if (!spec.rawReply) throw new Error(`${name}: a raw error answer (${e.status}) needs \`rawReply\``);
      at(e.status).lines.push(e.raw);
      continue;
    }
    const [declared, when] = 'error' in e ? [e.error, e.when] : [e, undefined];
    const entry = at(declared.status);
    const key = `${declared.code}:${when ?? ''}`;
    entry.enveloped = true;
    if (entry.codes.has(key)) continue;
    entry.codes.add(key);
    entry.lines.push(`- \`${declared.code}\`: ${declared.message}${when ? `（${when}）` : ''}`);
  }
  const out = new Map<number, { description: string; enveloped: boolean }>();
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const { lines, enveloped } = byStatus.get(status)!;
    out.set(status, { description: [REASON[status] ?? 'Error', ...lines].join('\n'), enveloped });
  }
  return out;
}

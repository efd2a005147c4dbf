// Routes are declared, thin and typed: a route names its contract (params, query, body, response), its access,
// its rate limit, and a handler that only calls a use case. The same declaration mounts the Koa route and
// documents it in the OpenAPI registry, so the document cannot drift from what is validated.
import type Router from '@koa/router';
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Context } from 'koa';
import type { z, ZodType } from 'zod';
import type { OperatorRole } from '../contracts/auth';
import { ErrorEnvelope } from '../contracts/common';
import multer from '@koa/multer';
import { forbidden, invalid, tooLarge, unauthenticated } from '../kernel/errors';
import { bearerToken, type Actor, type SessionTokens } from './auth';
import type { RateLimits, RateRule } from './rate-limit';

export type Access = 'public' | 'consumer' | 'operator' | { roles: readonly OperatorRole[] };

type Infer<S> = S extends ZodType ? z.output<S> : undefined;

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
  tags: string[];
  access: Ac;
  params?: Ps;
  query?: Qs;
  body?: Bs;
  response: Rs;
  status?: 200 | 201 | 202 | 204;
  /** documented error statuses and what they mean */
  errors?: Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503, string>>;
  /** the handler answers `{status, body?}` itself, outside the JSON envelope (payment notifications) */
  rawReply?: boolean;
  /** a documented request body the handler reads raw (signatures need the exact bytes), never parsed here */
  rawBody?: ZodType;
  /**
   * A multipart/form-data request with one file (read into memory, at most `maxBytes`); the handler finds it at
   * `ctx.request.file`. Access is checked before a byte of the file is read.
   */
  upload?: { field: string; maxBytes: number; form: ZodType };
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
  rateLimits: RateLimits;
  /** re-validate responses against their schema (development and tests): contract drift fails loudly */
  checkResponses: boolean;
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

function authenticate(ctx: Context, access: Access, tokens: SessionTokens): Actor | undefined {
  const token = bearerToken(ctx.get('authorization') || undefined);
  if (access === 'public') {
    if (!token) return undefined;
    try {
      return tokens.verify(token, 'consumer');
    } catch {
      return undefined; // a public route ignores a stale token rather than refusing the request
    }
  }
  if (!token) throw unauthenticated();
  if (access === 'consumer') return tokens.verify(token, 'consumer');
  const operator = tokens.verify(token, 'operator') as Extract<Actor, { kind: 'operator' }>;
  if (access !== 'operator' && operator.role !== 'super_admin' && !access.roles.includes(operator.role)) {
    throw forbidden('当前角色没有这个权限');
  }
  return operator;
}

export function mountRoute(router: Router, registry: OpenAPIRegistry, spec: RouteSpec, deps: MountDeps): void {
  const readUpload = spec.upload ? uploadReader(spec.upload) : undefined;
  router[spec.method](spec.path, async (ctx) => {
    const actor = authenticate(ctx, spec.access, deps.tokens);
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
    ctx.body = deps.checkResponses ? checkResponse(spec, result) : result;
  });
  registry.registerPath(toOpenApi(spec));
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
      if (code === 'LIMIT_FILE_SIZE') throw tooLarge('FILE_TOO_LARGE', `文件不能超过 ${upload.maxBytes} 字节`);
      if (typeof code === 'string' && code.startsWith('LIMIT_')) throw invalid('UPLOAD_REFUSED', `上传被拒绝: ${code}`);
      throw invalid('BAD_UPLOAD', '请求不是合法的 multipart/form-data');
    }
  };
}

/** A response that breaks its own contract is our bug: a 500 (logged), never the client's 400. */
function checkResponse(spec: RouteSpec, result: unknown): unknown {
  const parsed = spec.response.safeParse(result);
  if (parsed.success) return parsed.data;
  throw new Error(`response of ${spec.method.toUpperCase()} ${spec.path} breaks its contract: ${parsed.error.message}`);
}

function toOpenApi(spec: RouteSpec): RouteConfig {
  const responses: RouteConfig['responses'] = {
    [spec.status ?? 200]:
      spec.status === 204
        ? { description: 'No Content' }
        : { description: 'OK', content: { 'application/json': { schema: spec.response } } },
  };
  const errors: Record<number, string | undefined> = { 400: '请求参数不正确 (VALIDATION_FAILED)', ...spec.errors };
  if (spec.access !== 'public') errors[401] ??= '未登录或登录已过期 (UNAUTHENTICATED)';
  if (typeof spec.access === 'object') errors[403] ??= '角色无权访问 (FORBIDDEN)';
  if (spec.rateLimit) errors[429] ??= `超过频率限制: ${spec.rateLimit.points} 次 / ${spec.rateLimit.durationSec} 秒`;
  for (const [status, description] of Object.entries(errors)) {
    if (!description) continue;
    responses[status] = { description, content: { 'application/json': { schema: ErrorEnvelope } } };
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
    summary: spec.summary,
    tags: spec.tags,
    security: spec.access === 'public' ? [] : [{ bearerAuth: [] }],
    request,
    responses,
  };
}

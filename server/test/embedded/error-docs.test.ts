// The OpenAPI document documents errors from the same declarations the code throws: every error a route lists in
// its `errors` (plus the automatic validation, session, role and rate-limit ones) is named, code and message,
// under its status; every code a response names is a declared code of that status; raw (non-envelope) answers
// are documented without the envelope schema.
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import Router from '@koa/router';
import { z } from 'zod';
import { sandboxControlRoutes } from '../../src/http/sandbox-controls';
import { errorResponses, mountRoute, type MountDeps, type RouteError, type RouteSpec } from '../../src/http/route';
import { declaredErrors, PlatformErrors, type ErrorSpec } from '../../src/kernel/errors';
import { OrderErrors } from '../../src/modules/order';
import { startTestServer, type TestServer } from '../support/harness';
import { scratchApp } from '../support/scratch-app';

interface Response {
  description: string;
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
}

let t: TestServer;
let doc: Document;
let routes: RouteSpec[];

beforeAll(async () => {
  t = await startTestServer({ mode: 'embedded' });
  doc = (await t.api<Document>('GET', '/api/openapi.json')).body;
  // the route declarations themselves, from the same composition root on a runtime of our own
  const scratch = scratchApp();
  try {
    routes = [
      ...scratch.built.modules.routes,
      ...sandboxControlRoutes({ clock: scratch.rt.clock, scheduler: scratch.rt.scheduler }),
    ];
  } finally {
    await scratch.close();
  }
});
afterAll(() => t.close());

const operation = (spec: RouteSpec) => {
  const op = doc.paths[spec.path.replace(/:(\w+)/g, '{$1}')]?.[spec.method];
  if (!op) throw new Error(`${spec.method.toUpperCase()} ${spec.path} is not in the document`);
  return op;
};
const declaredOf = (e: RouteError): ErrorSpec | undefined => ('raw' in e ? undefined : 'error' in e ? e.error : e);
const line = (e: ErrorSpec) => `- \`${e.code}\`: ${e.message}`;

it('lists, in every route, declared errors only', () => {
  expect(routes.length).toBeGreaterThan(70);
  const problems: string[] = [];
  for (const spec of routes) {
    for (const e of spec.errors ?? []) {
      const d = declaredOf(e);
      if (!d) continue;
      const declared = declaredErrors().get(d.code);
      const same = declared?.specs.some((s) => s.owner === d.owner && s.kind === d.kind && s.message === d.message);
      if (!same) problems.push(`${spec.method.toUpperCase()} ${spec.path}: ${d.code} is not a declared error`);
    }
  }
  expect(problems).toEqual([]);
});

it('names every error a route declares, code and message, under its status', () => {
  const problems: string[] = [];
  let named = 0;
  for (const spec of routes) {
    const responses = operation(spec).responses;
    for (const e of spec.errors ?? []) {
      const d = declaredOf(e);
      const status = String(d ? d.status : (e as { status: number }).status);
      const expected = d ? line(d) : (e as { raw: string }).raw;
      const description = responses[status]?.description ?? '';
      if (!description.includes(expected))
        problems.push(`${spec.method.toUpperCase()} ${spec.path} ${status}: missing ${expected}`);
      else named++;
    }
  }
  expect(problems).toEqual([]);
  expect(named).toBeGreaterThan(100);
});

it('names, in each error response, only codes declared with that status, in the error envelope', () => {
  const problems: string[] = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect({ op: `${method} ${p}`, has4xx: errors.some(([s]) => Number(s) < 500) }).toEqual({
        op: `${method} ${p}`,
        has4xx: true,
      });
      for (const [status, r] of errors) {
        const codes = [...r.description.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!);
        for (const code of codes) {
          if (
            !declaredErrors()
              .get(code)
              ?.specs.some((s) => String(s.status) === status)
          )
            problems.push(`${method.toUpperCase()} ${p} ${status}: ${code} is not declared with status ${status}`);
        }
        const enveloped = r.content?.['application/json']?.schema?.$ref === '#/components/schemas/Error';
        if (codes.length && !enveloped) problems.push(`${method.toUpperCase()} ${p} ${status}: no error envelope`);
        if (!codes.length && r.content)
          problems.push(`${method.toUpperCase()} ${p} ${status}: a raw answer with a schema`);
      }
    }
  }
  expect(problems).toEqual([]);
});

it('adds the errors a route answers by its declaration: validation, body, session, role, rate limit', () => {
  for (const spec of routes) {
    const r = operation(spec).responses;
    const name = `${spec.method.toUpperCase()} ${spec.path}`;
    const has = (status: number, e: ErrorSpec) => ({
      name,
      [e.code]: (r[status]?.description ?? '').includes(line(e)),
    });
    const yes = (status: number, e: ErrorSpec) => expect(has(status, e)).toEqual({ name, [e.code]: true });
    if (spec.params || spec.query || spec.body || !spec.rawReply) yes(400, PlatformErrors.VALIDATION_FAILED);
    if (spec.body) yes(400, PlatformErrors.BAD_REQUEST);
    if (spec.access !== 'public') {
      yes(401, PlatformErrors.UNAUTHENTICATED);
      yes(401, PlatformErrors.SESSION_EXPIRED);
    }
    if (typeof spec.access === 'object') yes(403, PlatformErrors.FORBIDDEN);
    if (spec.rateLimit) yes(429, PlatformErrors.RATE_LIMITED);
  }
});

it('documents what the group-buy join and the order placement really answer', () => {
  const join = doc.paths['/api/v1/groupbuy/groups/{code}/join']!.post!.responses;
  for (const code of ['GROUP_FULL', 'ALREADY_IN_GROUP', 'GROUPBUY_LIMIT_REACHED', 'STOCK_INSUFFICIENT'])
    expect(join['409']!.description).toContain(`\`${code}\``);
  expect(join['404']!.description).toContain('`ADDRESS_NOT_FOUND`');
  const place = doc.paths['/api/v1/orders']!.post!.responses;
  expect(place['400']!.description).toContain('`ORDER_AMOUNT_TOO_LARGE`');
  expect(place['400']!.description).toContain('`IDEMPOTENCY_KEY_INVALID`');
  const cancel = doc.paths['/api/v1/orders/{id}/cancel']!.post!.responses;
  expect(cancel['503']!.description).toContain('`PAYMENT_CHANNEL_UNAVAILABLE`');
  // one code, two statuses: a missing category in the path is a 404, one named in the body a 400
  const category = doc.paths['/api/admin/v1/categories/{id}']!.patch!.responses;
  expect(category['404']!.description).toContain('`CATEGORY_NOT_FOUND`');
  expect(category['400']!.description).toContain('`CATEGORY_NOT_FOUND`');
  const notify = doc.paths['/api/v1/payments/wechat/notify']!.post!.responses;
  expect(notify['401']).toEqual({ description: expect.stringContaining('{"code":"FAIL"}') });
});

describe('a route’s error responses', () => {
  const deps: MountDeps = {
    tokens: {} as never,
    operatorStates: async () => null,
    rateLimits: {} as never,
    responseChecks: 'off',
    minPerIpPerMinute: 0,
  };
  const route = (extra: Partial<RouteSpec>): RouteSpec => ({
    method: 'post',
    path: '/api/v1/test-only/errors',
    summary: 'test route',
    tags: ['test-only'],
    access: 'consumer',
    body: z.object({ a: z.number() }),
    response: z.object({ ok: z.boolean() }),
    handler: () => ({ ok: true }),
    ...extra,
  });

  it('groups declared errors by status, once each, in status order', () => {
    const out = errorResponses(
      route({ errors: [OrderErrors.ORDER_STATE_INVALID, OrderErrors.ORDER_NOT_FOUND, OrderErrors.ORDER_NOT_FOUND] }),
    );
    expect([...out.keys()]).toEqual([400, 401, 404, 409]);
    expect(out.get(404)).toEqual({ description: 'Not Found\n- `ORDER_NOT_FOUND`: 订单不存在', enveloped: true });
    expect(out.get(409)?.description).toContain('`ORDER_STATE_INVALID`');
  });

  it('refuses a raw answer on a route that answers in the envelope', () => {
    expect(() =>
      mountRoute(
        new Router(),
        new OpenAPIRegistry(),
        route({ path: '/api/v1/test-only/raw', errors: [{ status: 400, raw: 'fail' }] }),
        deps,
      ),
    ).toThrow(/raw error answer \(400\) needs `rawReply`/);
  });
});

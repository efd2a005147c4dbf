// The OpenAPI document names every operation once and declares every tag it uses (redocly's recommended rules,
// `npm run lint:openapi`, check the rest); a route that takes an operationId already in use fails when mounted.
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import Router from '@koa/router';
import { z } from 'zod';
import { buildOpenApiDocument, deriveOperationId, TAG_DESCRIPTIONS } from '../../src/http/openapi';
import { mountRoute, type MountDeps, type RouteSpec } from '../../src/http/route';
import { startTestServer, type TestServer } from '../support/harness';

interface Operation {
  operationId?: string;
  tags?: string[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  tags?: { name: string; description?: string }[];
}

const deps: MountDeps = {
  tokens: {} as never,
  operatorStates: async () => null,
  rateLimits: {} as never,
  responseChecks: 'off',
  minPerIpPerMinute: 0,
};
const route = (method: RouteSpec['method'], path: string, extra: Partial<RouteSpec> = {}): RouteSpec => ({
  method,
  path,
  summary: 'test route',
  tags: ['test-only'],
  access: 'public',
  response: z.object({ ok: z.boolean() }),
  handler: () => ({ ok: true }),
  ...extra,
});

let t: TestServer;
let doc: Document;
beforeAll(async () => {
  t = await startTestServer({ mode: 'embedded' });
  doc = (await t.api<Document>('GET', '/api/openapi.json')).body;
});
afterAll(() => t.close());

it('gives every operation a unique operationId', () => {
  const ids = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const name = `${method.toUpperCase()} ${path}`;
      expect({ name, operationId: op.operationId }).toEqual({ name, operationId: expect.stringMatching(/^[a-z]\w+$/) });
      expect({ name, duplicateOf: ids.get(op.operationId!) }).toEqual({ name, duplicateOf: undefined });
      ids.set(op.operationId!, name);
    }
  }
  expect(ids.size).toBeGreaterThan(50);
  expect(doc.paths['/api/admin/v1/groupbuy/groups/{code}/close']?.post?.operationId).toBe(
    'postAdminGroupbuyGroupsCloseByCode',
  );
  expect(doc.paths['/api/v1/products/{id}']?.get?.operationId).toBe('getProductsById');
});

it('lists every tag an operation uses at the top level, each once and described', () => {
  const used = new Set(Object.values(doc.paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags ?? [])));
  const declared = (doc.tags ?? []).map((tag) => tag.name);
  expect(new Set(declared).size).toBe(declared.length);
  expect([...used].filter((tag) => !declared.includes(tag))).toEqual([]);
  for (const tag of doc.tags ?? []) expect(tag.description).toEqual(expect.any(String));
  for (const tag of used) expect({ tag, described: tag in TAG_DESCRIPTIONS }).toEqual({ tag, described: true });
});

it('derives readable ids from method and path', () => {
  expect(deriveOperationId('post', '/api/admin/v1/groupbuy/groups/:code/close')).toBe(
    'postAdminGroupbuyGroupsCloseByCode',
  );
  expect(deriveOperationId('get', '/api/v1/groupbuy/my-groups')).toBe('getGroupbuyMyGroups');
  expect(deriveOperationId('delete', '/api/v1/cart/items/{id}')).toBe('deleteCartItemsById');
  expect(deriveOperationId('put', '/api/v2/shops/:shopId/items/:itemId')).toBe('putV2ShopsItemsByShopIdAndItemId');
  expect(deriveOperationId('get', '/sandbox/jobs')).toBe('getSandboxJobs');
});

it('takes an explicit operationId over the derived one, and a generic description for an unknown tag', () => {
  const registry = new OpenAPIRegistry();
  mountRoute(new Router(), registry, route('get', '/api/v1/test-only/things/:id', { operationId: 'fetchThing' }), deps);
  const own = buildOpenApiDocument(registry, 'http://127.0.0.1:3000') as unknown as Document;
  expect(own.paths['/api/v1/test-only/things/{id}']?.get?.operationId).toBe('fetchThing');
  expect(own.tags).toEqual([{ name: 'test-only', description: expect.stringContaining('test-only') }]);
});

it('refuses, at mount time, a route whose operationId another route already has', () => {
  // the app above mounted GET /api/v1/products as getProducts
  expect(() =>
    mountRoute(
      new Router(),
      new OpenAPIRegistry(),
      route('get', '/api/v1/test-only/list', { operationId: 'getProducts' }),
      deps,
    ),
  ).toThrow(/duplicate operationId "getProducts".*GET \/api\/v1\/products/);
  const registry = new OpenAPIRegistry();
  mountRoute(new Router(), registry, route('post', '/api/v1/test-only/a', { operationId: 'testOnlySame' }), deps);
  expect(() =>
    mountRoute(new Router(), registry, route('post', '/api/v1/test-only/b', { operationId: 'testOnlySame' }), deps),
  ).toThrow(/duplicate operationId "testOnlySame"/);
  // the same route mounted again (another app in the same process) is no duplicate
  expect(() => mountRoute(new Router(), new OpenAPIRegistry(), route('get', '/api/v1/products'), deps)).not.toThrow();
});

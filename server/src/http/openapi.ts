// Builds the OpenAPI 3.1 document from the registry that mountRoute filled, and names its operations: every
// operation has a unique operationId (derived from method and path unless the route declares one) and every tag
// an operation uses is listed, with a description, in the document's top-level `tags`.
// `npm run lint:openapi` holds the document to Redocly's recommended rules (redocly.yaml).
import { OpenApiGeneratorV31, type OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';

/** What each tag groups; a tag missing here gets a generic description (add it here when adding a module). */
export const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  identity: 'Consumer sign-in (WeChat, Alipay, H5 SMS) and the signed-in user’s profile.',
  catalog: 'Categories and products as the shop shows them.',
  cart: 'The signed-in consumer’s cart.',
  address: 'The signed-in consumer’s delivery addresses.',
  order: 'Checkout preview, placing, listing, cancelling and confirming orders.',
  payment: 'Paying orders, their payment records, and the payment providers’ notifications.',
  'after-sale': 'Refund and return requests on orders.',
  groupbuy: 'Group-buy campaigns and groups: open, join, share.',
  seckill: 'Seckill sessions and items; attempts accepted atomically in Redis, then ordered.',
  coupon: 'Coupons: claimable templates, claiming, and the shopper’s own coupons.',
  admin: 'Operator console (/api/admin/v1): sign-in, catalog, orders, after-sales, group buy, settings, audit log.',
  sandbox: 'Sandbox mode only: the business clock and scheduled jobs, for tests and demos.',
};

/**
 * The operationId a route gets when it declares none: the HTTP method, then the path's literal segments in
 * camelCase (without `api` and `v1`, so `/api/admin/v1/…` gives `Admin…`), then `By` and its parameters.
 * `GET /api/v1/products/:id` → `getProductsById`, `POST /api/admin/v1/groupbuy/groups/:code/close` →
 * `postAdminGroupbuyGroupsCloseByCode`, `DELETE /api/v1/cart/items/:id` → `deleteCartItemsById`.
 */
export function deriveOperationId(method: string, path: string): string {
  const words: string[] = [];
  const params: string[] = [];
  for (const segment of path.split('/')) {
    if (!segment || segment === 'api' || segment === 'v1') continue;
    const param = /^(?::(\w+)|\{(\w+)\})$/.exec(segment);
    if (param) params.push((param[1] ?? param[2])!);
    else words.push(segment);
  }
  if (params.length) words.push('by', params.join('-and-'));
  const camel = words
    .flatMap((w) => w.split(/[^A-Za-z0-9]+/))
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return method.toLowerCase() + camel;
}

const OPERATION_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** operationId → `METHOD path`, for every route mounted in this process. */
const claimed = new Map<string, string>();

/**
 * The route's operationId (its own, or derived), claimed when the route is mounted: an id another route already
 * has throws, so a duplicate fails at boot. Mounting the same route again (a second app in one process, as the
 * tests do) is not a duplicate; `buildOpenApiDocument` checks each app's document on its own as well.
 */
export function claimOperationId(route: { method: string; path: string; operationId?: string }): string {
  const name = `${route.method.toUpperCase()} ${route.path}`;
  const id = route.operationId ?? deriveOperationId(route.method, route.path);
  if (!OPERATION_ID.test(id)) throw new Error(`operationId "${id}" of ${name} must match ${OPERATION_ID}`);
  const holder = claimed.get(id);
  if (holder !== undefined && holder !== name) {
    throw new Error(`duplicate operationId "${id}": ${name} and ${holder} (set a distinct \`operationId\`)`);
  }
  claimed.set(id, name);
  return id;
}

function routesOf(registry: OpenAPIRegistry): RouteConfig[] {
  return registry.definitions.flatMap((d) => (d.type === 'route' ? [d.route] : []));
}

/** Every tag the operations use, in order of first use, each with its description. */
function documentTags(routes: RouteConfig[]): { name: string; description: string }[] {
  const names = [...new Set(routes.flatMap((r) => r.tags ?? []))];
  return names.map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? `Operations of the ${name} module.` }));
}

export function buildOpenApiDocument(registry: OpenAPIRegistry, serverUrl: string) {
  const routes = routesOf(registry);
  const seen = new Map<string, string>();
  for (const r of routes) {
    const name = `${r.method.toUpperCase()} ${r.path}`;
    if (!r.operationId) throw new Error(`${name} has no operationId`);
    const holder = seen.get(r.operationId);
    if (holder !== undefined) throw new Error(`duplicate operationId "${r.operationId}": ${name} and ${holder}`);
    seen.set(r.operationId, name);
  }
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'The session token from a sign-in (consumer: POST /api/v1/auth/…/login; operator: POST ' +
      '/api/admin/v1/auth/login), sent as `Authorization: Bearer <token>`.',
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Linli (邻里) API',
      version: '0.1.0',
      description:
        'Consumers under /api/v1, operators under /api/admin/v1. Money is integer fen. Errors are ' +
        '{"error":{"code","message","details?"}} with stable UPPER_SNAKE codes.',
      // The project publishes no licence (package.json is private, no LICENSE file), so all rights are reserved;
      // `LicenseRef-…` is SPDX's form for a licence outside its list. Change both when a licence is chosen.
      license: { name: 'Proprietary: all rights reserved', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: serverUrl, description: 'this server' }],
    tags: documentTags(routes),
  });
}

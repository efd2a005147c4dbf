// The route table, split by path prefix. @koa/router tests every route's pattern in turn on every request; with
// ~150 routes that was a quarter of a bare request's cost. Here each route goes to the router for its first
// three path segments (`api/v1/products`), so a request is matched against the few routes sharing its prefix;
// a route with a parameter among them (only the sandbox's `/sandbox/jobs/:name/run`) goes to a router tried for
// every request after its own. Matching inside a router is @koa/router's, unchanged, including 405s.
import Router from '@koa/router';
import type { Middleware } from 'koa';

const PREFIX_SEGMENTS = 3;

/** `api/v1/products` for `/api/v1/products/:id`; undefined when a parameter or wildcard is among them */
function prefixOf(pattern: string): string | undefined {
  const head = pattern.split('/').filter(Boolean).slice(0, PREFIX_SEGMENTS);
  if (head.some((s) => /[:*(]/.test(s))) return undefined;
  return head.join('/').toLowerCase(); // @koa/router matches case-insensitively
}

function requestPrefix(path: string): string {
  const segments: string[] = [];
  for (const s of path.split('/')) {
    if (s) segments.push(s);
    if (segments.length === PREFIX_SEGMENTS) break;
  }
  return segments.join('/').toLowerCase();
}

export class RouteTable {
  private readonly byPrefix = new Map<string, Router>();
  private readonly anyPrefix = new Router();

  /** the router a route with this pattern is registered on */
  routerFor(pattern: string): Router {
    const prefix = prefixOf(pattern);
    if (prefix === undefined) return this.anyPrefix;
    let router = this.byPrefix.get(prefix);
    if (!router) this.byPrefix.set(prefix, (router = new Router()));
    return router;
  }

  /** one middleware: the request's own prefix's routes, then the parameterised ones; 405 as @koa/router answers */
  middleware(): Middleware {
    const chain = (router: Router, next: Middleware): Middleware => {
      // (typed as plain Koa middleware: the router adds its own context fields when it runs)
      const routes = router.routes() as unknown as Middleware;
      const allowed = router.allowedMethods({ throw: true }) as unknown as Middleware;
      return (ctx, after) => routes(ctx, () => allowed(ctx, () => next(ctx, after)));
    };
    const fallback = chain(this.anyPrefix, (_ctx, next) => next());
    const chains = new Map([...this.byPrefix].map(([prefix, router]) => [prefix, chain(router, fallback)]));
    return (ctx, next) => (chains.get(requestPrefix(ctx.path)) ?? fallback)(ctx, next);
  }
}

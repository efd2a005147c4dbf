// The scenarios, each with the baseline its ratio is taken against and the goal the issue sets for it (issue 11,
// "Goals"; item 4 for joins). Reads compare with a bare Koa hello world; writes with their own SQL replayed by
// bare mysql2, except opening a group, whose goal is set against the raw SQL of the 20-SKU order.
import type { Fixtures } from './fixtures';
import type { RequestPlan } from './load-spec';

export type ReplayName = 'order-20-skus' | 'order-hot-sku' | 'group-open' | 'group-join' | 'seckill-writer';
/** 'healthz': the product's own /healthz, measured among the reads of the same run */
export type BaselineName = 'koa' | 'healthz' | ReplayName;

export interface Scenario {
  name: string;
  title: string;
  expectStatus: number;
  plan: RequestPlan;
  baseline: BaselineName;
  /** the least ratio to the baseline the issue asks for */
  goal?: number;
  /** p99 at most this many times the baseline's */
  p99Goal?: number;
  /** writes: the scenario's own statements replayed (counted as queries per request too) */
  replay?: ReplayName;
}

export function readScenarios(f: Fixtures): Scenario[] {
  const previewItems = f.wide[0]!.skuIds.map((skuId) => ({ skuId, quantity: 1 }));
  return [
    {
      name: 'health',
      title: 'GET /healthz',
      expectStatus: 200,
      plan: { kind: 'get', path: '/healthz' },
      baseline: 'koa',
      goal: 0.8,
    },
    {
      name: 'product-detail',
      title: 'GET /api/v1/products/{id} (hit)',
      expectStatus: 200,
      plan: { kind: 'get', path: `/api/v1/products/${f.wide[0]!.productId}` },
      baseline: 'koa',
      goal: 0.5,
      p99Goal: 3,
    },
    {
      name: 'product-list',
      title: 'GET /api/v1/products (page 1)',
      expectStatus: 200,
      plan: { kind: 'get', path: '/api/v1/products?page=1&pageSize=20' },
      baseline: 'koa',
    },
    {
      name: 'checkout-preview',
      title: 'POST /api/v1/checkout/preview (20 SKUs)',
      expectStatus: 200,
      plan: {
        kind: 'post',
        path: '/api/v1/checkout/preview',
        bodies: [{ items: previewItems }],
        withAddress: true,
        idempotencyKey: false,
        buyers: f.buyers,
      },
      baseline: 'koa',
    },
  ];
}

/** Writes: group opens and joins use disjoint halves of the buyers (a leader cannot join their own group). */
export function writeScenarios(f: Fixtures, openGroups: { code: string; leader: number }[] = []) {
  const half = Math.floor(f.buyers.length / 2);
  const post = (path: string, bodies: Record<string, unknown>[], buyers = f.buyers) => ({
    path,
    bodies,
    withAddress: true,
    idempotencyKey: true,
    buyers,
  });
  const scenarios = [
    {
      name: 'order-20-skus',
      title: 'POST /api/v1/orders (20 SKUs)',
      ...post(
        '/api/v1/orders',
        f.wide.map((p) => ({ items: p.skuIds.map((skuId) => ({ skuId, quantity: 1 })), remark: '' })),
      ),
      goal: 0.5,
    },
    {
      name: 'order-hot-sku',
      title: 'POST /api/v1/orders (1 hot SKU)',
      ...post('/api/v1/orders', [{ items: [{ skuId: f.hot.skuId, quantity: 1 }], remark: '' }]),
      goal: 0.5,
    },
    {
      name: 'group-open',
      title: 'POST /api/v1/groupbuy/groups (open)',
      ...post(
        '/api/v1/groupbuy/groups',
        [{ campaignId: f.group.campaignId, skuId: f.group.skuId }],
        f.buyers.slice(0, half),
      ),
      goal: 0.4,
    },
    {
      name: 'group-join',
      title: 'POST /api/v1/groupbuy/groups/{code}/join',
      ...post(
        '/api/v1/groupbuy/groups/:code/join',
        [{ skuId: f.group.skuId, fallback: 'route' }],
        f.buyers.slice(half),
      ),
      goal: 0.5,
    },
  ] as const;
  return scenarios.map((s) => ({
    ...s,
    name: s.name as ReplayName,
    groups: s.name === 'group-join' ? openGroups : undefined,
  }));
}

/** A write scenario as the load process runs it. */
export function asScenario(w: ReturnType<typeof writeScenarios>[number]): Scenario {
  const { name, title, goal, path, bodies, withAddress, idempotencyKey, buyers, groups } = w;
  return {
    name,
    title,
    expectStatus: 201,
    plan: { kind: 'post', path, bodies: [...bodies], withAddress, idempotencyKey, buyers, groups },
    // the issue sets opening a group against the raw order SQL (20 SKUs); its own replay is reported beside it
    baseline: name === 'group-open' ? 'order-20-skus' : name,
    goal,
    replay: name,
  };
}

// The schema-driven fuzz of every operation of the OpenAPI document (issue 9, item 11): for each operation a valid
// request is built from its schemas (real ids where the fixtures below know the resource, else the schema's
// example or 1), then mutated (server/test/support/fuzz/mutations.ts) and every answer judged
// (support/fuzz/runner.ts): never a 5xx, every 4xx in the error envelope (the payment notifications may answer
// their documented raw replies), input that breaks the document refused with a 4xx, nothing hanging. A module
// added later is fuzzed with no case written for it: its operations are in the document. Deterministic for a
// seed (FUZZ_SEED, default below); one test per operation, so a failure names it.
// To see the server's stack for a 5xx: TEST_LOG_LEVEL=error npx jest --selectProjects integration -t '<operation>';
// FUZZ_REPORT=<file> appends each operation's report (requests, statuses, findings) to that file as JSON lines.
import Redis from 'ioredis';
import fs from 'node:fs';
import { openapiDocument } from '../support/fuzz/document';
import { listOperations, type OpenApiDocument, type Operation } from '../support/fuzz/openapi';
import { Rng } from '../support/fuzz/random';
import { fuzzOperation, type Finding, type OperationSetup } from '../support/fuzz/runner';
import { adminLogin, startTestServer, TEST_ADMIN, wechatLogin, type TestServer } from '../support/harness';
import { TEST_REDIS_URL } from '../support/services';
import { setReturnAddress } from '../support/after-sales';
import { payAndSettle } from '../support/shop';

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_611);
const UPLOADED = '/uploads/2025/01/fuzz.png';
const TIMEOUT_MS = 15_000;

let t: TestServer;
let doc: OpenApiDocument;
let redis: Redis;
let operator: string;
let operatorId: number;
const world = { categoryId: 0, productId: 0, skuIds: [] as number[], campaignId: 0 };
let seq = 0;

// ---- fixtures: real resources for the path parameters and ids the fuzz would otherwise only guess ----

async function ok<T = any>(method: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  const res = await t.api(method, path, { token, body });
  if (res.status >= 300) throw new Error(`fixture ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

async function consumer() {
  const name = `fuzz${++seq}`;
  const { token, userId } = await wechatLogin(t, name);
  const address = await ok('POST', '/api/v1/addresses', token, {
    name: '张三',
    phone: '13800138000',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    detail: `文三路 ${seq} 号`,
  });
  return { token, userId, addressId: address.id as number };
}
type Consumer = Awaited<ReturnType<typeof consumer>>;

const fixtureRng = new Rng(SEED);
const strongPassword = () => `Fz!${fixtureRng.string(10)}#Q${++seq}x`;

/**
 * A fresh operator of `role` (through the operator management API when the document has it), so no operation's
 * fuzz can lock out, demote or re-password the operator the fixtures use.
 */
async function freshOperator(
  role = 'super_admin',
  password = strongPassword(),
): Promise<{ id: number; token: string; username: string; password: string }> {
  const username = `fuzzop${++seq}`;
  if (!doc.paths['/api/admin/v1/operators']?.post)
    return { id: operatorId, token: operator, username: TEST_ADMIN.username, password: TEST_ADMIN.password };
  const created = await ok('POST', '/api/admin/v1/operators', operator, { username, password, role });
  const login = await ok('POST', '/api/admin/v1/auth/login', undefined, { username, password });
  return { id: created.id, token: login.token, username, password };
}

async function product(stock = 1_000_000) {
  const p = await ok('POST', '/api/admin/v1/products', operator, {
    title: `fuzz 商品 ${++seq}`,
    categoryId: world.categoryId,
    skus: [
      { specs: { 颜色: '红' }, priceFen: 1990, stock },
      { specs: { 颜色: '蓝' }, priceFen: 2990, stock },
    ],
  });
  return { productId: p.id as number, skuIds: (p.skus as { id: number }[]).map((s) => s.id) };
}

const pendingOrder = async (c: Consumer, skuId = world.skuIds[0]!) =>
  ok('POST', '/api/v1/orders', c.token, { items: [{ skuId, quantity: 1 }], addressId: c.addressId });

async function paidOrder(c: Consumer) {
  const order = await pendingOrder(c);
  await payAndSettle(t, c.token, order.id);
  return order as { id: number };
}

async function shippedOrder(c: Consumer) {
  const order = await paidOrder(c);
  await ok('POST', `/api/admin/v1/orders/${order.id}/ship`, operator, { carrier: '顺丰', trackingNo: `SF${++seq}` });
  return order;
}

const firstItemId = async (c: Consumer, orderId: number) =>
  ((await ok('GET', `/api/v1/orders/${orderId}`, c.token)).items as { id: number }[])[0]!.id;

async function afterSale(c: Consumer, stage: 'requested' | 'approved-return' | 'returned') {
  const order = stage === 'requested' ? await paidOrder(c) : await shippedOrder(c);
  const orderItemId = await firstItemId(c, order.id);
  const created = await ok('POST', `/api/v1/orders/${order.id}/after-sales`, c.token, {
    type: stage === 'requested' ? 'refund_only' : 'return_refund',
    reason: 'no_longer_needed',
    lines: [{ orderItemId, quantity: 1 }],
  });
  if (stage !== 'requested') {
    // an operation fuzzed before may have cleared the return address a return needs
    await setReturnAddress(t, operator);
    await ok('POST', `/api/admin/v1/after-sales/${created.id}/approve`, operator);
  }
  if (stage === 'returned')
    await ok('POST', `/api/v1/after-sales/${created.id}/return`, c.token, { carrier: '顺丰', trackingNo: `R${++seq}` });
  return created.id as number;
}

async function openGroup() {
  const leader = await consumer();
  const opened = await ok('POST', '/api/v1/groupbuy/groups', leader.token, {
    campaignId: world.campaignId,
    skuId: world.skuIds[0],
    addressId: leader.addressId,
  });
  await payAndSettle(t, leader.token, opened.order.id);
  return opened.group.code as string;
}

async function campaign(productId: number, skuId: number) {
  const created = await ok('POST', '/api/admin/v1/groupbuy/campaigns', operator, {
    productId,
    size: 50,
    validityHours: 24,
    skus: [{ skuId, groupPriceFen: 990 }],
  });
  return created.id as number;
}

/**
 * The good value of each path parameter, by the path it is in; an operation no rule knows gets 1 (or the
 * schema's example) and is fuzzed all the same.
 */
async function pathValuesFor(
  op: Operation,
  c: Consumer,
  hints: Record<string, unknown>,
): Promise<Record<string, string>> {
  const p = op.path;
  const values: Record<string, string> = {};
  const set = (name: string, v: string | number) => (values[name] = String(v));
  if (/^\/api\/v1\/orders\/\{id\}\/after-sales$/.test(p)) {
    const order = await paidOrder(c);
    set('id', order.id);
    hints.orderItemId = await firstItemId(c, order.id);
  } else if (/^\/api\/v1\/orders\/\{id\}\/confirm-receipt$/.test(p)) set('id', (await shippedOrder(c)).id);
  else if (/^\/api\/v1\/orders\/\{id\}/.test(p)) set('id', (await pendingOrder(c)).id);
  else if (/^\/api\/admin\/v1\/orders\/\{id\}\/(ship|refund)$/.test(p)) set('id', (await paidOrder(c)).id);
  else if (/^\/api\/admin\/v1\/orders\/\{id\}/.test(p)) set('id', (await pendingOrder(c)).id);
  else if (/^\/api\/v1\/after-sales\/\{id\}\/return$/.test(p)) set('id', await afterSale(c, 'approved-return'));
  else if (/^\/api\/admin\/v1\/after-sales\/\{id\}\/receive$/.test(p)) set('id', await afterSale(c, 'returned'));
  else if (/\/after-sales\/\{id\}/.test(p)) set('id', await afterSale(c, 'requested'));
  else if (/^\/api\/(admin\/)?v1\/products\/\{id\}/.test(p)) {
    const fresh = await product(100);
    set('id', fresh.productId);
    Object.assign(hints, { id: fresh.skuIds[0], expectedStock: 100, skuId: fresh.skuIds[0] });
  } else if (/^\/api\/admin\/v1\/categories\/\{id\}$/.test(p))
    set('id', (await ok('POST', '/api/admin/v1/categories', operator, { name: `fuzz${++seq}` })).id);
  else if (/^\/api\/v1\/addresses\/\{id\}$/.test(p)) set('id', c.addressId);
  else if (/^\/api\/v1\/cart\/items\/\{id\}$/.test(p)) {
    const cart = await ok('POST', '/api/v1/cart/items', c.token, { skuId: world.skuIds[0], quantity: 1 });
    set('id', (cart.items as { id: number }[])[0]!.id);
  } else if (/^\/api\/admin\/v1\/groupbuy\/campaigns\/\{id\}$/.test(p) && op.method === 'PUT') {
    const fresh = await product();
    set('id', await campaign(fresh.productId, fresh.skuIds[0]!));
    Object.assign(hints, { productId: fresh.productId, skuId: fresh.skuIds[0] });
  } else if (/\/groupbuy\/campaigns\/\{id\}/.test(p)) set('id', world.campaignId);
  else if (/\/groupbuy\/groups\/\{code\}/.test(p)) set('code', await openGroup());
  else if (/^\/api\/admin\/v1\/operators\/\{id\}/.test(p)) set('id', (await freshOperator('operations')).id);
  else if (/^\/sandbox\/jobs\/\{name\}\/run$/.test(p)) set('name', 'cancel-unpaid-orders');
  for (const param of op.params.filter((x) => x.in === 'path' && !(x.name in values))) set(param.name, 1);
  return values;
}

async function setup(op: Operation): Promise<OperationSetup> {
  const c = await consumer();
  // every operator operation is fuzzed by an operator of its own (it may change its own password, or lock itself out)
  const actor = op.path.startsWith('/api/admin/')
    ? await freshOperator()
    : { id: operatorId, token: operator, username: TEST_ADMIN.username, password: TEST_ADMIN.password };
  const login = op.path === '/api/admin/v1/auth/login';
  const hints: Record<string, unknown> = {
    // bodies and queries: real ids, a login code the WeChat / Alipay simulators accept, the admin's credentials
    skuId: world.skuIds[0],
    addressId: c.addressId,
    productId: world.productId,
    categoryId: world.categoryId,
    campaignId: world.campaignId,
    userId: c.userId,
    operatorId: actor.id,
    entityId: String(world.productId),
    code: `sim_fuzz_login_${seq}`,
    username: login ? actor.username : `fuzzuser${seq}`,
    password: login ? actor.password : strongPassword(),
    currentPassword: actor.password,
    newPassword: strongPassword(),
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    advanceMs: 1000,
    // image fields take https: URLs and our own /uploads/… only
    parentId: null,
    icon: UPLOADED,
    image: UPLOADED,
    avatar: UPLOADED,
    images: [UPLOADED],
    quantity: 1,
    page: 1,
    pageSize: 10,
  };
  const pathValues = await pathValuesFor(op, c, hints);
  return {
    pathValues,
    hints,
    consumerToken: c.token,
    operatorToken: actor.token,
    // another operator with the same password, so the cases built with it (a password change) still apply
    renew: async () => ({
      consumerToken: c.token,
      operatorToken: op.path.startsWith('/api/admin/')
        ? (await freshOperator('super_admin', actor.password)).token
        : operator,
    }),
  };
}

/** Rate-limit counters are forgotten before each case, so every case reaches validation and the handler. */
async function forgetRateLimits(): Promise<void> {
  const keys = await redis.keys(`${t.rt.config.redisPrefix}rl:*`);
  if (keys.length) await redis.del(...keys);
}

// ---- the run ----

beforeAll(async () => {
  // the test's requests come through loopback as from a proxy, each case from its own client address
  t = await startTestServer({ env: { TRUSTED_PROXIES: 'loopback' } });
  redis = new Redis(TEST_REDIS_URL);
  doc = (await t.api<OpenApiDocument>('GET', '/api/openapi.json')).body;
  operator = await adminLogin(t);
  operatorId = (await ok('GET', '/api/admin/v1/me', operator)).id;
  world.categoryId = (await ok('POST', '/api/admin/v1/categories', operator, { name: 'fuzz' })).id;
  const p = await product();
  Object.assign(world, p);
  world.campaignId = await campaign(p.productId, p.skuIds[0]!);
}, 60_000);

afterAll(async () => {
  redis?.disconnect();
  await t?.close();
});

// The document is read from the server the test boots; jest needs the list of tests before beforeAll runs, so
// it comes from a document built the same way (the embedded app, no services) at collection time.
const operations = listOperations(openapiDocument() as OpenApiDocument)
  // sandbox controls last: they move the clock and run jobs over everything the others created
  .sort((a, b) => Number(a.path.startsWith('/sandbox')) - Number(b.path.startsWith('/sandbox')));

it('fuzzes every operation of the document the server serves', () => {
  const served = listOperations(doc)
    .map((o) => o.name)
    .sort();
  expect(operations.map((o) => o.name).sort()).toEqual(served);
  expect(served.length).toBeGreaterThan(70);
});

const format = (f: Finding) => `${f.problem}\n    case: ${f.case}\n    request: ${f.request}\n    answer: ${f.answer}`;

describe.each(operations.map((op) => [op.name, op] as const))('%s', (_name, op) => {
  it('never answers 5xx, always the envelope on 4xx, refuses what breaks the document, never hangs', async () => {
    const report = await fuzzOperation(op, {
      baseUrl: t.baseUrl,
      doc,
      seed: SEED,
      timeoutMs: TIMEOUT_MS,
      setup,
      beforeCase: op.responses['429'] ? forgetRateLimits : undefined,
      // 198.18.0.0/15: a range for tests, never a trusted proxy
      clientAddress: (n) => `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`,
    });
    if (process.env.FUZZ_REPORT) fs.appendFileSync(process.env.FUZZ_REPORT, `${JSON.stringify(report)}\n`);
    expect(report.requests).toBeGreaterThan(5);
    expect(report.findings.map(format)).toEqual([]);
  }, 120_000);
});

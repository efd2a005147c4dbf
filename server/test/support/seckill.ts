// Seckill fixtures: an item in a session open now (the current whole hour, two hours long), many buyers, and
// the database and Redis figures the racing tests compare.
import Redis from 'ioredis';
import { itemKeys } from '../../src/modules/seckill/application/counters';
import type { TestServer } from './harness';
import { buyer, createProduct, waitFor } from './shop';

const HOUR = 3_600_000;

export async function openSession(t: TestServer, admin: string, at = t.rt.clock.now()) {
  const startAt = new Date(Math.floor(at.getTime() / HOUR) * HOUR);
  const endAt = new Date(startAt.getTime() + 2 * HOUR);
  const res = await t.api('POST', '/api/admin/v1/seckill/sessions', {
    token: admin,
    body: { startAt: startAt.toISOString(), endAt: endAt.toISOString() },
  });
  if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
  return { sessionId: res.body.id as number, startAt, endAt };
}

export async function seckillItem(
  t: TestServer,
  admin: string,
  opts: { stock: number; perUserLimit?: number; priceFen?: number; skuStock?: number; sessionId?: number },
) {
  const product = await createProduct(t, admin, opts.skuStock ?? opts.stock + 100, 9900);
  const sessionId = opts.sessionId ?? (await openSession(t, admin)).sessionId;
  const res = await t.api('POST', `/api/admin/v1/seckill/sessions/${sessionId}/items`, {
    token: admin,
    body: { skuId: product.skuId, priceFen: opts.priceFen ?? 990, stock: opts.stock, perUserLimit: opts.perUserLimit },
  });
  if (res.status !== 201) throw new Error(`item: ${res.status} ${JSON.stringify(res.body)}`);
  keys.set(res.body.id, itemKeys(sessionId, res.body.id));
  return { ...product, sessionId, itemId: res.body.id as number };
}

let n = 0;
/** `count` buyers with an address, signed up `batch` at a time (a login storm is not what these tests race) */
export async function buyers(t: TestServer, prefix: string, count: number, batch = 20) {
  const all: Awaited<ReturnType<typeof buyer>>[] = [];
  while (all.length < count)
    all.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(batch, count - all.length) }, () => buyer(t, `${prefix}${n++}`)),
      )),
    );
  return all;
}

export const grab = (t: TestServer, b: { token: string; addressId: number }, itemId: number, quantity = 1) =>
  t.api('POST', `/api/v1/seckill/items/${itemId}/attempts`, {
    token: b.token,
    body: { quantity, addressId: b.addressId },
  });

/** The item's database view (admin API) once every queued attempt is written. */
export async function settledFigures(t: TestServer, admin: string, itemId: number) {
  await waitFor(
    async () => (await redisOf(t).llen(keysOf(itemId).log)) as number,
    (len) => len === 0,
  );
  return (await t.api('GET', `/api/admin/v1/seckill/items/${itemId}`, { token: admin })).body as {
    stock: number;
    sold: number;
    reserved: number;
    remaining: number;
    returned: number;
  };
}

/** the Redis keys of each item made here */
const keys = new Map<number, ReturnType<typeof itemKeys>>();
export const keysOf = (itemId: number) => keys.get(itemId)!;

/** The runtime's own client (its key prefix applies). */
export const redisOf = (t: TestServer) => t.rt.redis as unknown as Redis;

export async function redisRemaining(t: TestServer, itemId: number): Promise<number | null> {
  const v = await redisOf(t).get(keysOf(itemId).stock);
  return v === null ? null : Number(v);
}

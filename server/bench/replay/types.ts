// What a replay script is: one request's statements, in the order and on the connection the server used them,
// with the values that must differ per request (buyer, address, Idempotency-Key, order number, group code)
// rotated so that repeated runs never collide on a unique key and change the same rows the same way.
import type { PoolConnection } from 'mysql2/promise';

export interface ReplayData {
  buyers: { userId: number; addressId: number }[];
  /** the wide order takes every SKU of wide[n % length] */
  wide: { productId: number; skuIds: number[] }[];
  hot: { productId: number; skuId: number };
  group: { productId: number; skuId: number; campaignId: number };
  /** open groups with room (joins), none of them led by `buyers` */
  groups: { code: string; leader: number }[];
  /** the seckill item the writer's replay orders (its SKU, its price) */
  seckill: { sessionId: number; itemId: number; skuId: number; priceFen: number };
}

export interface ReplayRequest {
  /** the request's sequence number (rotates buyers and groups; makes keys unique) */
  n: number;
  buyer: { userId: number; addressId: number };
  /** unique per request: Idempotency-Key and order number suffix */
  unique: string;
}

export interface Replay {
  name: string;
  run(conn: PoolConnection, req: ReplayRequest, data: ReplayData): Promise<void>;
}

/** An UPDATE that must change exactly one row (a conditional stock or seat update), else the request fails. */
export function expectOneRow(result: unknown, what: string): void {
  const affected = (result as { affectedRows?: number }).affectedRows;
  if (affected !== 1) throw new Error(`${what}: ${affected} rows changed`);
}

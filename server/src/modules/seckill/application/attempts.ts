// The attempt (立即抢购): one Lua step in Redis decides it (counters.ts); the order follows from the log
// (writer.ts), and the client polls the attempt until it is `ordered`. The hot path reads no SQL: the item's
// session and the buyer's address are checked from this instance's memory after their first read.
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { SeckillAttempt, SeckillAttemptRequest } from '../../../contracts/seckill';
import { SeckillErrors } from '../errors';
import { attemptItem } from './counters';
import type { SeckillDeps } from './ports';
import { warmItem } from './warm';

/** What the hot path remembers: an item's session (never changes) and addresses known to be the user's. */
export class AttemptMemory {
  private readonly sessions = new Map<number, number>();
  private readonly addresses = new LRUCache<string, true>({ max: 100_000, ttl: 60_000 });

  async sessionOf(deps: SeckillDeps, itemId: number): Promise<number> {
    const known = this.sessions.get(itemId);
    if (known !== undefined) return known;
    const item = await deps.models.Item.findByPk(itemId, { attributes: ['id', 'sessionId'] });
    if (!item) throw SeckillErrors.ITEM_NOT_FOUND();
    this.sessions.set(itemId, item.getDataValue('sessionId'));
    return item.getDataValue('sessionId');
  }

  /** ADDRESS_NOT_FOUND before a unit is taken; an address deleted later fails its attempt in the writer. */
  async checkAddress(deps: SeckillDeps, userId: number, addressId: number): Promise<void> {
    const key = `${userId}:${addressId}`;
    if (this.addresses.has(key)) return;
    await deps.addresses.ownAddress(userId, addressId);
    this.addresses.set(key, true);
  }
}

type Attempt = z.input<typeof SeckillAttempt>;

export async function attempt(
  deps: SeckillDeps,
  memory: AttemptMemory,
  userId: number,
  itemId: number,
  body: z.output<typeof SeckillAttemptRequest>,
  idempotencyKey?: string,
): Promise<Attempt> {
  const sessionId = await memory.sessionOf(deps, itemId);
  await memory.checkAddress(deps, userId, body.addressId);
  for (let round = 0; round < 2; round++) {
    const out = await deps.counters.attempt({
      sessionId,
      itemId,
      userId,
      quantity: body.quantity,
      addressId: body.addressId,
      nowMs: deps.clock.now().getTime(),
      idempotencyKey,
    });
    switch (out.result) {
      case 'QUEUED':
        deps.wakeWriter();
        return { attemptId: out.attemptId, status: 'queued' };
      case 'REPLAY':
        return getAttempt(deps, userId, out.attemptId);
      case 'SOLD_OUT':
        if (out.remaining <= 0) deps.soldOut.mark(itemId);
        throw SeckillErrors.SOLD_OUT();
      case 'LIMIT_REACHED':
        throw SeckillErrors.LIMIT_REACHED();
      case 'SESSION_NOT_OPEN':
        throw SeckillErrors.SESSION_NOT_OPEN();
      case 'NOT_WARM':
        // never warmed, or Redis lost it: rebuilt from the database before any attempt is taken
        await warmItem(deps, itemId);
    }
  }
  throw SeckillErrors.SECKILL_BUSY();
}

/** The buyer's own attempt: Redis while its item is warm, then the database's purchase. */
export async function getAttempt(deps: SeckillDeps, userId: number, attemptId: string): Promise<Attempt> {
  const { sessionId, itemId } = attemptItem(attemptId);
  const state = await deps.counters.attemptState(sessionId, itemId, attemptId);
  if (state) {
    const [status, owner, extra] = state.split('|');
    if (Number(owner) !== userId) throw SeckillErrors.ATTEMPT_NOT_FOUND();
    if (status === 'ordered') return { attemptId, status: 'ordered', orderId: Number(extra) };
    if (status === 'failed') return { attemptId, status: 'failed', reason: extra };
    return { attemptId, status: 'queued' };
  }
  const p = await deps.models.Purchase.findOne({ where: { attemptId, userId } });
  if (!p) throw SeckillErrors.ATTEMPT_NOT_FOUND();
  const plain = p.get({ plain: true });
  if (plain.status === 'failed') return { attemptId, status: 'failed', reason: plain.reason ?? undefined };
  return { attemptId, status: 'ordered', orderId: plain.orderId ?? undefined };
}

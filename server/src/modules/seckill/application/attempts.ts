// The attempt (立即抢购): one Lua step in Redis decides it (counters.ts), the rate limit included, so an attempt
// is one round trip; the order follows from the log (writer.ts), and the client polls the attempt until it is
// `ordered`. The hot path reads no SQL (the item's session is remembered after its first read): the address is
// the writer's to check, and an attempt whose address is not the buyer's fails there with ADDRESS_NOT_FOUND and
// gives its units straight back.
import type { z } from 'zod';
import type { SeckillAttempt, SeckillAttemptRequest } from '../../../contracts/seckill';
import { PlatformErrors } from '../../../kernel/errors';
import { SeckillErrors } from '../errors';
import { attemptItem } from './counters';
import type { SeckillDeps } from './ports';
import { warmItem } from './warm';

/** What the hot path remembers: an item's session (it never changes). */
export class AttemptMemory {
  private readonly sessions = new Map<number, number>();

  async sessionOf(deps: SeckillDeps, itemId: number): Promise<number> {
    const known = this.sessions.get(itemId);
    if (known !== undefined) return known;
    const item = await deps.models.Item.findByPk(itemId, { attributes: ['id', 'sessionId'] });
    if (!item) throw SeckillErrors.ITEM_NOT_FOUND();
    this.sessions.set(itemId, item.getDataValue('sessionId'));
    return item.getDataValue('sessionId');
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
      case 'RATE_LIMITED':
        throw PlatformErrors.RATE_LIMITED({ retryAfterSec: Math.max(1, Math.ceil(out.retryAfterMs / 1000)) });
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

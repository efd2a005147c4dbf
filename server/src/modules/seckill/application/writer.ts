// The order writer: turns the attempts in each warm item's log into orders, oldest first. Each attempt is one
// transaction (its purchase row, unique by attempt id, and its order); its state goes to Redis and it leaves the
// log only after that commits, so a process killed anywhere in between replays it and the unique id makes the
// replay a no-op. The database holds its own atomic limits (kit quotas) behind Redis's: even a drifted counter
// cannot make it oversell or pass a user's limit.
import { UniqueConstraintError } from 'sequelize';
import { AppError } from '../../../kernel/errors';
import { inTransaction } from '../../../platform/db/transaction';
import { SECKILL_KIND } from '../domain/kind';
import type { ItemAttrs } from '../persistence/models';
import {
  insertPurchase,
  purchaseOfAttempt,
  setPurchaseOrder,
  type WrittenPurchase,
} from '../persistence/purchase-rows';
import { attemptItem, type LogEntry } from './counters';
import { seckillPriceStep } from './pricing';
import type { SeckillDeps } from './ports';
import { ifWriterLockFree } from './writer-lock';

const BATCH = 50;
const POLL_MS = 500;

export const itemQuota = (itemId: number) => `seckill:${itemId}:units`;
export const userQuota = (itemId: number, userId: number) => `seckill:${itemId}:user:${userId}`;

type Written = { attemptId: string; state: string };

/** Writes one attempt (or finds it written); its state for the attempts hash. */
async function writeAttempt(deps: SeckillDeps, item: ItemAttrs, e: LogEntry): Promise<Written> {
  const done = await purchaseOfAttempt(deps.sequelize, e.attemptId);
  if (done) return { attemptId: e.attemptId, state: stateOf(done) };
  const purchase = { attemptId: e.attemptId, itemId: item.id, userId: e.userId, quantity: e.quantity };
  const refuse = async (reason: string, giveBack: boolean) => {
    try {
      await inTransaction(deps.sequelize, deps.db, (t) =>
        insertPurchase(deps.sequelize, t, { ...purchase, status: 'failed', reason }),
      );
    } catch (err) {
      if (!(err instanceof UniqueConstraintError)) throw err;
    }
    if (giveBack) await returnUnits(deps, e.attemptId, e.userId, e.quantity);
    return { attemptId: e.attemptId, state: `failed|${e.userId}|${reason}` };
  };
  let address;
  try {
    address = await deps.addresses.ownAddress(e.userId, e.addressId);
  } catch (err) {
    if (err instanceof AppError && err.kind === 'not_found') return refuse(err.code, true);
    throw err;
  }
  try {
    const orderId = await inTransaction(deps.sequelize, deps.db, async (t) => {
      // the database's own limits: a counter that drifted in Redis still cannot oversell or pass the limit
      if (!(await deps.quotas.take(t, itemQuota(item.id), item.stock, e.quantity))) throw new Refused('SOLD_OUT');
      if (!(await deps.quotas.take(t, userQuota(item.id, e.userId), item.perUserLimit, e.quantity)))
        throw new Refused('LIMIT_REACHED');
      const purchaseId = await insertPurchase(deps.sequelize, t, { ...purchase, status: 'ordered' });
      const order = await deps.orders.placeIn(
        t,
        e.userId,
        { items: [{ skuId: item.skuId, quantity: e.quantity }], addressId: e.addressId, remark: '' },
        address,
        { kind: SECKILL_KIND, steps: [seckillPriceStep(item.id, item.priceFen)] },
      );
      await setPurchaseOrder(deps.sequelize, t, purchaseId, order.id);
      return order.id;
    });
    return { attemptId: e.attemptId, state: `ordered|${e.userId}|${orderId}` };
  } catch (err) {
    if (err instanceof UniqueConstraintError) return writeAttempt(deps, item, e); // written meanwhile: read it
    // Redis let through what the database refuses: the counter drifted; the reconcile job sets it right
    if (err instanceof Refused) return refuse(err.reason, false);
    if (err instanceof AppError && err.kind !== 'unavailable') return refuse(err.code, true);
    throw err;
  }
}

class Refused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function stateOf(p: WrittenPurchase): string {
  return p.status === 'failed' ? `failed|${p.userId}|${p.reason ?? ''}` : `ordered|${p.userId}|${p.orderId}`;
}

/** Units of an attempt back into Redis (once per attempt), announced to every instance's sold-out flag. */
export async function returnUnits(deps: SeckillDeps, attemptId: string, userId: number, quantity: number) {
  const { sessionId, itemId } = attemptItem(attemptId);
  if (await deps.counters.giveBack(sessionId, itemId, attemptId, userId, quantity))
    await deps.soldOut.unitsReturned(itemId);
}

/** Whether a drain should end after its current batch (the process is stopping; the log keeps the rest). */
type ShouldStop = () => boolean;
const never: ShouldStop = () => false;

/** Drains one item's log; the number of attempts written. Call holding the writer's lock. */
export async function drainItem(
  deps: SeckillDeps,
  sessionId: number,
  itemId: number,
  shouldStop: ShouldStop = never,
): Promise<number> {
  // the item is read only once its log has something: the writer polls every warm item twice a second
  let item: ItemAttrs | undefined;
  let total = 0;
  while (!shouldStop()) {
    const batch = await deps.counters.head(sessionId, itemId, BATCH);
    if (batch.length === 0) return total;
    item ??= (await deps.models.Item.findByPk(itemId))?.get({ plain: true });
    if (!item) return total;
    const written: Written[] = [];
    try {
      for (const e of batch) written.push(await writeAttempt(deps, item, e));
    } finally {
      // what was written leaves the log even when a later attempt of the batch failed to write
      if (written.length) await deps.counters.written(sessionId, itemId, written);
    }
    total += written.length;
  }
  return total;
}

/** Every warm item's log, if no other instance is draining. */
export async function drainAll(deps: SeckillDeps, shouldStop: ShouldStop = never): Promise<number | undefined> {
  return ifWriterLockFree(deps, async () => {
    let total = 0;
    for (const member of await deps.counters.warmItems()) {
      if (shouldStop()) break;
      const [s, i] = member.split(':').map(Number);
      total += await drainItem(deps, s!, i!, shouldStop);
    }
    return total;
  });
}

/** This instance's writer loop: woken by its own attempts, and polling for other instances' and replays. */
export class OrderWriter {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private again = false;
  private stopped = true;
  /** until then another instance holds the lease (wall clock: the lease's TTL keeps wall time) */
  private elsewhereUntil = 0;

  constructor(private readonly deps: SeckillDeps) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => {
      this.elsewhereUntil = 0; // the poll always asks
      this.wake();
    }, POLL_MS);
    this.timer.unref();
    this.wake(); // at start-up: replay whatever a stopped process left in the logs
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // another instance holds the writer's lease: it drains, and this one's poll tries again; without this, each
    // attempt this instance takes would cost one more Redis round trip (a failed SET NX)
    if (Date.now() < this.elsewhereUntil) return;
    // a stop ends the drain after its batch: a backlog of thousands must not hold up a shutdown (the next start,
    // or another instance, replays what is left in the log)
    this.running = drainAll(this.deps, () => this.stopped)
      .then((written) => {
        if (written === undefined) this.elsewhereUntil = Date.now() + POLL_MS;
      })
      .catch((err) => this.deps.logger.warn({ err }, 'seckill order writer'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}

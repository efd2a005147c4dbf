// The transactional outbox: durable work (refund submissions and confirmations, user notices) is written in the
// same transaction as the change that causes it, then drained by a worker with retries. At-least-once: a
// message is claimed with a lease (a crashed worker's lease expires and another takes it over), so handlers
// must be idempotent. The same code runs in embedded and production mode; time here is wall time.
import {
  DataTypes,
  Op,
  type Model,
  type ModelStatic,
  type Optional,
  type Sequelize,
  type Transaction,
} from 'sequelize';
import type { Logger } from '../logger';

export interface OutboxAttrs {
  id: number;
  topic: string;
  payloadJson: string;
  dedupeKey: string | null;
  status: 'pending' | 'done' | 'dead';
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
}
type OutboxModel = ModelStatic<
  Model<OutboxAttrs, Optional<OutboxAttrs, 'id' | 'attempts' | 'lockedUntil' | 'lastError'>>
>;

export type OutboxHandler = (payload: Record<string, unknown>) => Promise<void>;

export interface OutboxOptions {
  pollMs?: number;
  batch?: number;
  leaseMs?: number;
  /** after this many failures a message is parked as `dead` and logged as an error */
  maxAttempts?: number;
}

/** 1 s, 2 s, 4 s … capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 600_000);
}

export class Outbox {
  readonly model: OutboxModel;
  private readonly handlers = new Map<string, OutboxHandler>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private readonly opts: Required<OutboxOptions>;

  constructor(
    sequelize: Sequelize,
    private readonly logger: Logger,
    opts: OutboxOptions = {},
  ) {
    this.opts = { pollMs: 1000, batch: 20, leaseMs: 60_000, maxAttempts: 25, ...opts };
    this.model = sequelize.define(
      'OutboxMessage',
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        topic: DataTypes.STRING(64),
        payloadJson: DataTypes.TEXT,
        dedupeKey: DataTypes.STRING(128),
        status: DataTypes.STRING(16),
        attempts: DataTypes.INTEGER,
        nextAttemptAt: DataTypes.DATE(3),
        lockedUntil: DataTypes.DATE(3),
        lastError: DataTypes.STRING(1000),
      },
      { tableName: 'outbox_messages' },
    ) as OutboxModel;
  }

  register(topic: string, handler: OutboxHandler): void {
    this.handlers.set(topic, handler);
  }

  /**
   * Writes a message inside the caller's transaction; it is handed to the worker only if that commits.
   * A `dedupeKey` makes the enqueue idempotent (a second one with the same key is dropped).
   */
  async enqueue(
    t: Transaction,
    topic: string,
    payload: Record<string, unknown>,
    opts: { dedupeKey?: string; delayMs?: number } = {},
  ): Promise<void> {
    if (opts.dedupeKey) {
      const existing = await this.model.findOne({ where: { dedupeKey: opts.dedupeKey }, transaction: t });
      if (existing) return;
    }
    await this.model.create(
      {
        topic,
        payloadJson: JSON.stringify(payload),
        dedupeKey: opts.dedupeKey ?? null,
        status: 'pending',
        nextAttemptAt: new Date(Date.now() + (opts.delayMs ?? 0)),
      },
      { transaction: t },
    );
    t.afterCommit(() => this.kick());
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.opts.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Runs a pass soon (or right after the one in progress). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((err) => {
        this.logger.error({ err }, 'outbox pass failed');
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Processes everything due now, pass after pass, until nothing is left (tests and sandbox use it). */
  async drain(maxPasses = 50): Promise<void> {
    for (let i = 0; i < maxPasses; i++) {
      await this.running;
      if ((await this.pass()) === 0) return;
    }
  }

  private async pass(): Promise<number> {
    const now = new Date();
    const due = await this.model.findAll({
      where: {
        status: 'pending',
        nextAttemptAt: { [Op.lte]: now },
        [Op.or]: [{ lockedUntil: null }, { lockedUntil: { [Op.lt]: now } }],
      },
      order: [['id', 'ASC']],
      limit: this.opts.batch,
    });
    let handled = 0;
    for (const row of due) if (await this.process(row.get({ plain: true }))) handled++;
    return handled;
  }

  private async process(msg: OutboxAttrs): Promise<boolean> {
    const now = new Date();
    // the claim: whoever moves the lease first runs the message
    const [claimed] = await this.model.update(
      { lockedUntil: new Date(now.getTime() + this.opts.leaseMs), attempts: msg.attempts + 1 },
      {
        where: {
          id: msg.id,
          status: 'pending',
          attempts: msg.attempts,
          [Op.or]: [{ lockedUntil: null }, { lockedUntil: { [Op.lt]: now } }],
        },
      },
    );
    if (claimed !== 1) return false;
    const attempts = msg.attempts + 1;
    const handler = this.handlers.get(msg.topic);
    try {
      if (!handler) throw new Error(`no handler for outbox topic ${msg.topic}`);
      await handler(JSON.parse(msg.payloadJson) as Record<string, unknown>);
      await this.model.update({ status: 'done', lockedUntil: null, lastError: null }, { where: { id: msg.id } });
    } catch (err) {
      const dead = attempts >= this.opts.maxAttempts;
      const lastError = String(err instanceof Error ? err.message : err).slice(0, 1000);
      await this.model.update(
        {
          status: dead ? 'dead' : 'pending',
          lockedUntil: null,
          lastError,
          nextAttemptAt: new Date(Date.now() + backoffMs(attempts)),
        },
        { where: { id: msg.id } },
      );
      const log = { topic: msg.topic, id: msg.id, attempts, err: lastError };
      if (dead) this.logger.error(log, 'outbox message parked as dead after its last attempt');
      else this.logger.warn(log, 'outbox message failed; will retry');
    }
    return true;
  }

  /** For health pages and tests: how many messages wait, and how many are dead. */
  async backlog(): Promise<{ pending: number; dead: number }> {
    const [pending, dead] = await Promise.all([
      this.model.count({ where: { status: 'pending' } }),
      this.model.count({ where: { status: 'dead' } }),
    ]);
    return { pending, dead };
  }
}

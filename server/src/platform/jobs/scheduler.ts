// Scheduled jobs: node-cron fires each job on its schedule (Asia/Shanghai) in every instance; every tick first
// claims `job:<name>:tick:<scheduled second>` in Redis (SET NX), so exactly one instance runs that tick, and then
// holds the job's lease while it runs, so a slow run never overlaps the next. `runNow` (sandbox, admin) waits for
// the lease instead of skipping. Jobs read time from the business clock they are given.
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../../kernel/clock';
import { runWithLogContext, type Logger } from '../logger';
import { acquire, tryAcquire, withLease } from '../redis/lock';
import type { RedisClient } from '../redis/redis';

export interface JobContext {
  now: Date;
  logger: Logger;
}

export interface JobDefinition {
  name: string;
  /** cron expression (node-cron, optional seconds field), in Asia/Shanghai */
  schedule: string;
  /** what the job did, for logs and the sandbox's answer */
  run(ctx: JobContext): Promise<Record<string, unknown> | void>;
}

export type TickOutcome =
  { ran: true; result: Record<string, unknown> | void } | { ran: false; reason: 'claimed' | 'busy' };

const LEASE_MS = 60_000;
const TICK_CLAIM_MS = 3_600_000;

export class Scheduler {
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly tasks: ScheduledTask[] = [];

  constructor(private readonly deps: { redis: RedisClient; clock: Clock; logger: Logger }) {}

  register(job: JobDefinition): this {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} registered twice`);
    if (!cron.validate(job.schedule)) throw new Error(`job ${job.name} has an invalid schedule: ${job.schedule}`);
    this.jobs.set(job.name, job);
    return this;
  }

  has(name: string): boolean {
    return this.jobs.has(name);
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  /** A registered job's definition (another scheduler in a test plays a second instance with it). */
  definition(name: string): JobDefinition {
    return this.get(name);
  }

  start(): void {
    for (const job of this.jobs.values()) {
      const task = cron.schedule(
        job.schedule,
        async (ctx) => {
          await this.tick(job.name, ctx.date).catch((err) =>
            this.deps.logger.error({ err, job: job.name }, 'job tick failed'),
          );
        },
        { timezone: 'Asia/Shanghai', name: job.name },
      );
      this.tasks.push(task);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.tasks.splice(0).map((t) => t.destroy()));
  }

  /** One scheduled tick: runs in exactly one instance of all those sharing the Redis. */
  async tick(name: string, scheduledAt: Date): Promise<TickOutcome> {
    const job = this.get(name);
    const second = Math.floor(scheduledAt.getTime() / 1000);
    const claim = await this.deps.redis.set(`job:${name}:tick:${second}`, '1', 'PX', TICK_CLAIM_MS, 'NX');
    if (claim !== 'OK') return { ran: false, reason: 'claimed' };
    const lease = await tryAcquire(this.deps.redis, `job:${name}:lease`, LEASE_MS);
    if (!lease) return { ran: false, reason: 'busy' }; // the previous tick is still running
    return { ran: true, result: await withLease(lease, LEASE_MS, () => this.execute(job)) };
  }

  /** Runs a job now, waiting for a running one to finish rather than skipping. */
  async runNow(name: string, waitMs = 120_000): Promise<Record<string, unknown> | void> {
    const job = this.get(name);
    const lease = await acquire(this.deps.redis, `job:${name}:lease`, LEASE_MS, waitMs);
    if (!lease) throw new Error(`job ${name} stayed busy for ${waitMs} ms`);
    return withLease(lease, LEASE_MS, () => this.execute(job));
  }

  private get(name: string): JobDefinition {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    return job;
  }

  private async execute(job: JobDefinition) {
    return runWithLogContext({ job: job.name }, async () => {
      const started = Date.now();
      const result = await job.run({ now: this.deps.clock.now(), logger: this.deps.logger });
      this.deps.logger.info({ ms: Date.now() - started, result }, 'job ran');
      return result;
    });
  }
}

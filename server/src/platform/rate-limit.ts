// Rate limits on hot endpoints, keyed per user (or per IP/login name before login). Redis-backed across
// instances; the in-process store serves the embedded single-process mode.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { PlatformErrors } from '../kernel/errors';
import type { RedisClient } from './redis/redis';

export interface RateRule {
  /** requests allowed… */
  points: number;
  /** …per this many seconds */
  durationSec: number;
}

export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly redis: RedisClient | undefined) {}

  private limiter(name: string, rule: RateRule): RateLimiterAbstract {
    const key = `${name}:${rule.points}:${rule.durationSec}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      const opts = { keyPrefix: `rl:${name}`, points: rule.points, duration: rule.durationSec };
      limiter = this.redis ? new RateLimiterRedis({ ...opts, storeClient: this.redis }) : new RateLimiterMemory(opts);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Consumes one point of `name` for `subject`; throws 429 RATE_LIMITED when exhausted. */
  async consume(name: string, rule: RateRule, subject: string): Promise<void> {
    try {
      await this.limiter(name, rule).consume(subject);
    } catch (e) {
      if (e instanceof RateLimiterRes)
        throw PlatformErrors.RATE_LIMITED({ retryAfterSec: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) });
      throw e;
    }
  }

  /** Gives `subject` one point back (an attempt that turned out not to count), never below zero. */
  async giveBack(name: string, rule: RateRule, subject: string): Promise<void> {
    const limiter = this.limiter(name, rule);
    const current = await limiter.get(subject);
    if (current && current.consumedPoints > 0) await limiter.reward(subject, 1);
  }

  /** Forgets `subject`'s count (e.g. after a successful login). */
  async reset(name: string, rule: RateRule, subject: string): Promise<void> {
    await this.limiter(name, rule).delete(subject);
  }
}

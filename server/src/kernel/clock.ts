// The business clock. Every business deadline (order timeouts, group expiry, campaign windows, code expiry)
// reads it. Signatures, their freshness checks, session tokens and Redis TTLs keep wall time (Date.now()).
// In sandbox mode it can be advanced (POST /sandbox/clock); it never goes backwards.

export interface Clock {
  now(): Date;
}

export class BusinessClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError('the clock only moves forward by whole ms');
    this.offsetMs += ms;
    return this.now();
  }

  get offset(): number {
    return this.offsetMs;
  }
}

/** A clock fixed at a given instant, for unit tests of rules. */
export const fixedClock = (at: Date | string): Clock => ({ now: () => new Date(at) });

export { shanghaiDay } from './shanghai-time';

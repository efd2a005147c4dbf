// Failed operator logins, counted in Redis (so across instances) per client address and per operator account.
//
// A login takes one point of each counter *before* the password is compared (one atomic consume each, through the
// platform's rate limiter), and gives both back only when it succeeds: 30 parallel guesses get exactly as many comparisons as the counters allow, never a
// few more because they all read "not locked yet" at once.
//
// The two counters, and why both (the trade-off):
// - per IP (`LOGIN_FAILURES.ip`, 10 per 15 minutes, IPv6 by /64): what stops an attacker. It is the stricter of the
//   two, so a single source is stopped by its own counter before it can lock anyone's account, whatever names or
//   spellings it rotates through. It is only as good as `ctx.ip`: behind a load balancer, forwarded addresses must
//   be trusted from that balancer only (TRUSTED_PROXIES), or every client shares the balancer's counter.
// - per account (`LOGIN_FAILURES.account`, 20 per 15 minutes): the operator row the name resolves to, as the
//   database resolves it (any spelling the collation treats as the same name counts on the same row), or, for a
//   name that resolves to nobody, its folded spelling, so probing unknown names is limited too. This one stops an
//   attacker spread over many addresses; its cost is that such an attacker can keep a real operator out — which is
//   why it is time-boxed (15 minutes from the first failure, as before) and never permanent: a permanent lock would
//   hand anyone who knows a username a way to disable that operator. A super admin can always reset a password,
//   and the operator's own successful logins do not count.
import { AppError, PlatformErrors } from '../../../kernel/errors';
import type { RateLimits, RateRule } from '../../../platform/rate-limit';
import { clientKey, foldUsername } from '../domain/operator-rules';

export const LOGIN_FAILURES = {
  ip: { limit: 10, windowSec: 900 },
  account: { limit: 20, windowSec: 900 },
} as const;

export type LoginCounter = keyof typeof LOGIN_FAILURES;

const COUNTERS: readonly LoginCounter[] = ['ip', 'account']; // IP first: a source over its limit never touches an account
const limiterName = (counter: LoginCounter) => `login-fail:${counter}`;
const ruleOf = (counter: LoginCounter): RateRule => ({
  points: LOGIN_FAILURES[counter].limit,
  durationSec: LOGIN_FAILURES[counter].windowSec,
});

/** The subjects a login attempt is charged to, per counter. */
export const loginFailureKeys = (ip: string, account: { operatorId: number } | { unknownName: string }) => ({
  ip: clientKey(ip),
  account: 'operatorId' in account ? `op:${account.operatorId}` : `name:${foldUsername(account.unknownName)}`,
});

export interface LoginAttempt {
  /** the attempt succeeded: it was no failure, give its points back */
  succeeded(): Promise<void>;
}

/**
 * Charges one attempt to the client's and the account's counters, or throws 429 RATE_LIMITED when either is over
 * its limit, before any password is compared.
 */
export async function chargeLoginAttempt(
  limits: RateLimits,
  keys: Record<LoginCounter, string>,
): Promise<LoginAttempt> {
  const taken: LoginCounter[] = [];
  for (const counter of COUNTERS) {
    try {
      await limits.consume(limiterName(counter), ruleOf(counter), keys[counter]);
    } catch (e) {
      if (e instanceof AppError && e.code === 'RATE_LIMITED')
        throw PlatformErrors.RATE_LIMITED(e.details, '登录失败次数过多，请稍后再试');
      throw e;
    }
    taken.push(counter);
  }
  return {
    async succeeded() {
      for (const counter of taken) await limits.giveBack(limiterName(counter), ruleOf(counter), keys[counter]);
    },
  };
}

/** Forgets one counter of a subject (tests start each case from a clean slate). */
export const resetLoginCounter = (limits: RateLimits, counter: LoginCounter, key: string) =>
  limits.reset(limiterName(counter), ruleOf(counter), key);

/** Where a counter lives in Redis (rate-limiter-flexible keeps `<keyPrefix>:<subject>`; tests look at its TTL). */
export const loginCounterStoreKey = (counter: LoginCounter, key: string) => `rl:${limiterName(counter)}:${key}`;

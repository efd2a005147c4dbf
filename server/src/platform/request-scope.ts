// What code running on behalf of a request (or a job) may ask about it without having it passed down: the id
// every log line carries, and the request's fingerprint for Idempotency-Key checks. One AsyncLocalStorage for
// all of it, not one per concern: on Node 20 each live store adds work to every promise the process creates,
// which showed as a third of a bare request's cost.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

export interface Scope {
  reqId?: string;
  job?: string;
  /** the request's method, path and body, hashed on demand (platform/idempotency.ts) */
  fingerprint?: () => string | undefined;
}

const store = new AsyncLocalStorage<Scope>();

export function runInScope<T>(scope: Scope, fn: () => T): T {
  return store.run(scope, fn);
}

export function currentScope(): Scope | undefined {
  return store.getStore();
}

// Request ids: 16 hex digits, a random tag per process then a counter (a CSPRNG call per request cost more than
// the rest of the id's work; ids need to be unique, not secret).
const processTag = randomBytes(4).toString('hex');
let counter = 0;

export function nextRequestId(): string {
  counter = (counter + 1) >>> 0;
  return processTag + counter.toString(16).padStart(8, '0');
}

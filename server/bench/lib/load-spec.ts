// What the bench hands its load process (as a JSON file) and what it gets back: plain data, so the load runs in
// a process of its own, pinned to its own core.

/** How each request is made. Writes rotate buyers, bodies and Idempotency-Keys; joins rotate open groups. */
export type RequestPlan =
  | { kind: 'get'; path: string }
  | {
      kind: 'post';
      /** `:code` is replaced by a group code from `groups` */
      path: string;
      /** request n's body is bodies[n % length], with the buyer's own `addressId` added when `withAddress` */
      bodies: Record<string, unknown>[];
      withAddress: boolean;
      /** a fresh Idempotency-Key per request, as the mini-program sends on every create */
      idempotencyKey: boolean;
      buyers: { userId: number; token: string; addressId: number }[];
      groups?: { code: string; leader: number }[];
    };

export interface LoadSpec {
  name: string;
  baseUrl: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** the only status counted as a success */
  expectStatus: number;
  plan: RequestPlan;
}

export interface LoadResult {
  /** successes (the expected status) per second of the measured run */
  okPerSec: number;
  p50: number;
  p99: number;
  ok: number;
  /** every other answer, by status, and transport errors/timeouts */
  failures: Record<string, number>;
  /** requests sent in the warm-up and the measured run together (the queries-per-request denominator) */
  sentTotal: number;
}

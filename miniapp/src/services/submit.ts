// The create template: every request that creates something (an order, a group seat, an after-sale) carries an
// Idempotency-Key, and its button ignores taps while the request runs. Pure, so the key lifecycle is unit-tested;
// hooks/useSubmit.ts binds it to a component.

/** A key in the server's format ([\w-]{8,64}): time-ordered prefix plus randomness. */
export function newIdempotencyKey(): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 8)).join('');
  return `ik${Date.now().toString(36)}${random}`;
}

export interface Submitter {
  /** the key the next attempt sends */
  readonly key: string;
  readonly busy: boolean;
  /**
   * Runs one attempt of the intent with its key. While one runs, further calls are ignored (undefined). A failed
   * attempt keeps the key, so a retry can never create twice; success starts a new intent with a new key.
   * Failures resolve to undefined: the request layer has already told the user.
   */
  submit<T>(run: (key: string) => Promise<T>): Promise<T | undefined>;
}

export function createSubmitter(options: { newKey?: () => string; onBusy?: (busy: boolean) => void } = {}): Submitter {
  const newKey = options.newKey ?? newIdempotencyKey;
  let key = newKey();
  let busy = false;
  const setBusy = (b: boolean) => {
    busy = b;
    options.onBusy?.(b);
  };
  return {
    get key() {
      return key;
    },
    get busy() {
      return busy;
    },
    async submit<T>(run: (key: string) => Promise<T>): Promise<T | undefined> {
      if (busy) return undefined;
      setBusy(true);
      try {
        const result = await run(key);
        key = newKey();
        return result;
      } catch {
        return undefined;
      } finally {
        setBusy(false);
      }
    },
  };
}

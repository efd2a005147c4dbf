// The create template's key lifecycle: one Idempotency-Key per intent, kept across failed attempts, replaced after
// success; taps while a request runs never start a second one.
import { createSubmitter, newIdempotencyKey } from '../src/services/submit';

const counter = () => {
  let n = 0;
  return () => `key-${String(++n).padStart(4, '0')}`;
};

/** A request the test settles by hand. */
function pending<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

test('keys are in the server’s format and do not repeat', () => {
  const keys = Array.from({ length: 1000 }, newIdempotencyKey);
  expect(keys.every((k) => /^[\w-]{8,64}$/.test(k))).toBe(true);
  expect(new Set(keys).size).toBe(keys.length);
});

test('a retry after a failure sends the same key; success starts a new intent', async () => {
  const s = createSubmitter({ newKey: counter() });
  const sent: string[] = [];
  expect(await s.submit(async (k) => (sent.push(k), Promise.reject(new Error('network'))))).toBeUndefined();
  expect(await s.submit(async (k) => (sent.push(k), Promise.reject(new Error('timeout'))))).toBeUndefined();
  expect(await s.submit(async (k) => (sent.push(k), 'order 1'))).toBe('order 1');
  expect(await s.submit(async (k) => (sent.push(k), 'order 2'))).toBe('order 2');
  expect(sent).toEqual(['key-0001', 'key-0001', 'key-0001', 'key-0002']);
  expect(s.key).toBe('key-0003');
});

test('a double tap while the request runs is ignored, and busy says so', async () => {
  const busy: boolean[] = [];
  const s = createSubmitter({ newKey: counter(), onBusy: (b) => busy.push(b) });
  const request = pending<string>();
  let calls = 0;
  const first = s.submit(() => (calls++, request.promise));
  expect(s.busy).toBe(true);
  expect(await s.submit(() => (calls++, Promise.resolve('second')))).toBeUndefined();
  request.resolve('created');
  expect(await first).toBe('created');
  expect(calls).toBe(1);
  expect(s.busy).toBe(false);
  expect(busy).toEqual([true, false]);
});

test('busy ends after a failure too, and the next tap retries with the same key', async () => {
  const s = createSubmitter({ newKey: counter() });
  const request = pending<string>();
  const first = s.submit(() => request.promise);
  request.reject(new Error('409'));
  expect(await first).toBeUndefined();
  expect(s.busy).toBe(false);
  let sent = '';
  await s.submit(async (k) => (sent = k));
  expect(sent).toBe('key-0001');
});

import { cachedJson, MicroCache } from '../../src/platform/micro-cache';

/** a loader that counts its calls and answers `${key}#${n}` once released */
function countingLoader() {
  let calls = 0;
  const gates: (() => void)[] = [];
  return {
    get calls() {
      return calls;
    },
    /** resolves every load started so far */
    release: () => gates.splice(0).forEach((open) => open()),
    load: (key: string) => {
      const n = ++calls;
      return new Promise<{ v: string }>((resolve) => gates.push(() => resolve({ v: `${key}#${n}` })));
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('MicroCache (per-instance hot reads, ≤ 1 s)', () => {
  it('a stampede on a cold key loads it once, and every caller gets that value', async () => {
    const loader = countingLoader();
    const cache = new MicroCache<string, { v: string }>({ ttlMs: 1000, max: 10, load: loader.load });
    const readers = Array.from({ length: 50 }, () => cache.get('p1'));
    loader.release();
    const values = await Promise.all(readers);
    expect(loader.calls).toBe(1);
    expect(new Set(values.map((x) => x.v))).toEqual(new Set(['p1#1']));
    expect((await cache.get('p1')).v).toBe('p1#1'); // a hit: no new load
    expect(loader.calls).toBe(1);
  });

  it('serves an entry for its TTL only', async () => {
    const loader = countingLoader();
    const cache = new MicroCache<string, { v: string }>({ ttlMs: 40, max: 10, load: loader.load });
    const first = cache.get('k');
    loader.release();
    expect((await first).v).toBe('k#1');
    await sleep(80);
    const second = cache.get('k');
    loader.release();
    expect((await second).v).toBe('k#2');
  });

  it('after invalidate, the next read loads afresh even while an older load is still running', async () => {
    const loader = countingLoader();
    const cache = new MicroCache<string, { v: string }>({ ttlMs: 1000, max: 10, load: loader.load });
    const before = cache.get('k'); // began before the write
    cache.invalidate('k'); // the write commits
    const after = cache.get('k');
    loader.release();
    expect((await before).v).toBe('k#1');
    expect((await after).v).toBe('k#2');
    expect((await cache.get('k')).v).toBe('k#2'); // the late older load did not overwrite it
    cache.invalidateAll();
    const third = cache.get('k');
    loader.release();
    expect((await third).v).toBe('k#3');
  });

  it('a failed load is not cached and reaches every waiting caller', async () => {
    let calls = 0;
    const cache = new MicroCache<string, { v: string }>({
      ttlMs: 1000,
      max: 10,
      load: async () => {
        calls++;
        if (calls === 1) throw new Error('not found');
        return { v: 'ok' };
      },
    });
    const results = await Promise.allSettled([cache.get('k'), cache.get('k')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((await cache.get('k')).v).toBe('ok');
    expect(calls).toBe(2);
  });

  it.each([
    [0, 3],
    [1000, 1],
  ])('with ttlMs %i, three reads load %i time(s)', async (ttlMs, loads) => {
    let calls = 0;
    const cache = new MicroCache<string, { n: number }>({ ttlMs, max: 10, load: async () => ({ n: ++calls }) });
    for (let i = 0; i < 3; i++) await cache.get('k');
    expect(calls).toBe(loads);
  });

  it('refuses a TTL over one second (the contract bound)', () => {
    expect(() => new MicroCache({ ttlMs: 1500, max: 1, load: async () => ({}) })).toThrow(/1000 ms/);
  });

  it('keeps the JSON text of what it loaded, so a hit is not serialised again', async () => {
    const cache = new MicroCache<string, { v: number[] }>({ ttlMs: 1000, max: 10, load: async () => ({ v: [1, 2] }) });
    const value = await cache.get('k');
    expect(cachedJson(value)).toBe('{"v":[1,2]}');
    expect(await cache.get('k')).toBe(value);
    expect(cachedJson({ v: [1, 2] })).toBeUndefined(); // an object no cache loaded
    expect(cachedJson(null)).toBeUndefined();
  });
});

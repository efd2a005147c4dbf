// The module kit on its own (SQLite + the in-process outbox): modules assemble from a list in any order, reach each
// other through lazy ports, contribute to extension points, and exchange events in the publisher's transaction or
// durably through the outbox after commit (never when it rolls back).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { assembleModules, onEvent, onEventDurably } from '../../src/kit';
import type { ModuleDefinition } from '../../src/kit/module';
import { migrate } from '../../src/platform/db/migrator';
import { inTransaction } from '../../src/platform/db/transaction';
import { createRuntime, type Runtime } from '../../src/platform/runtime';
import { waitFor } from '../support/shop';

let rt: Runtime;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-kit-'));
  rt = createRuntime(
    loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SANDBOX: '1', SCHEDULER: '0', LOG_LEVEL: 'silent' }),
  );
  await migrate(rt.sequelize);
  rt.outbox.start();
});
afterAll(async () => {
  await rt.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Toy modules: the kit is typed by the real modules' augmentations, so these are loosely typed on purpose.
type Loose = ModuleDefinition<string, unknown, unknown>;
const seen: { inTx: number[]; durable: number[] } = { inTx: [], durable: [] };
const event = 'order.placed' as const;
const placed = (orderId: number) =>
  ({ orderId, orderNo: `N${orderId}`, userId: 1, kind: 'toy', payableFen: 1, lines: [] }) as never;

const consumer: Loose = {
  name: 'consumer',
  create(ctx) {
    const producer = (ctx.port as (n: string) => { hello(): string; sizes(): number[] })('producer');
    return {
      api: { greet: () => `consumer sees ${producer.hello()}` },
      extends: { pricingSteps: [{ name: 'toy', order: 5, step: (c: unknown) => c }] } as never,
      subscriptions: [
        onEvent(event, async (_t, e) => void seen.inTx.push(e.orderId)),
        onEventDurably(event, 'toy-consumer', async (e) => void seen.durable.push(e.orderId)),
      ],
    };
  },
};
const producer: Loose = {
  name: 'producer',
  create(ctx) {
    const steps = (ctx.collect as (n: string) => readonly { name: string }[])('pricingSteps');
    return {
      api: {
        hello: () => 'producer',
        steps: () => steps.map((s) => s.name),
        publish: (orderId: number, fail: boolean) =>
          inTransaction(rt.sequelize, rt.db, async (t) => {
            await ctx.events.publish(t, event, placed(orderId), String(orderId));
            if (fail) throw new Error('rolled back');
          }),
      },
    };
  },
};

it('assembles modules in any order: ports resolve lazily, extension items arrive', () => {
  const kit = assembleModules(rt, [consumer, producer] as never);
  const api = kit.api as (n: string) => Record<string, (...a: unknown[]) => unknown>;
  expect(api('consumer').greet!()).toBe('consumer sees producer');
  expect(api('producer').steps!()).toEqual(['toy']);
});

it('refuses a module listed twice and a port to a module not in the list', () => {
  expect(() => assembleModules(rt, [producer, producer] as never)).toThrow(/listed twice/);
  expect(() => assembleModules(rt, [consumer] as never)).toThrow(/no module producer/);
});

it('delivers events in the transaction and durably after commit, never after a rollback', async () => {
  seen.inTx.length = 0;
  seen.durable.length = 0;
  const fresh = assembleModules(rt, [{ ...consumer }, { ...producer }] as never);
  const publish = (fresh.api as (n: string) => { publish(id: number, fail: boolean): Promise<void> })(
    'producer',
  ).publish;
  await publish(1, false);
  await expect(publish(2, true)).rejects.toThrow('rolled back');
  await publish(1, false); // the same event again: deduplicated by its key
  // ran inside every transaction, the rolled-back one too (a retried transaction runs it again: SQLite busy)
  expect([...new Set(seen.inTx)].sort()).toEqual([1, 2]);
  await waitFor(
    async () => seen.durable.length,
    (n) => n >= 1,
  );
  await new Promise((r) => setTimeout(r, 1500)); // room for a wrong second delivery
  expect(seen.durable).toEqual([1]);
});

// Seckill (秒杀): sessions on whole hours, items with their own stock, and attempts decided by one Lua step in
// Redis — then written as orders from a durable log by the order writer (README.md beside this file) —
//   domain/        the session rules and the purchase lifecycle (table-tested, no DB)
//   application/   counters (Redis keys + scripts), attempts, the writer, warm/reconcile, returns, settle
//   persistence/   models; http/ thin routes; this file: the module's definition
// It declares the `seckill` order kind (own stock, a 5-minute payment window), prices its orders with its own
// step, and follows them through order events to give units back.
import type { z } from 'zod';
import type { SeckillItemInput, SeckillSessionInput } from '../../contracts/seckill';
import { onEvent } from '../../kit/events';
import type { OperatorRef } from '../../platform/audit/audit-log';
import { defineModule } from '../../kit/module';
import { AttemptMemory } from './application/attempts';
import { SeckillCounters } from './application/counters';
import type { SeckillDeps } from './application/ports';
import { sendDueReminders } from './application/reminders';
import { addItem, createSession } from './application/sessions';
import { purchaseCancelled, purchasePaid, purchaseRefunded } from './application/returns';
import { settleEndedSessions } from './application/settle';
import { SoldOutFlags } from './application/sold-out';
import { prewarmDue, reconcileAll } from './application/warm';
import { OrderWriter } from './application/writer';
import { SECKILL_KIND } from './domain/kind';
import { SECKILL_PAYMENT_WINDOW_MS } from './domain/sessions';
import { seckillRoutes } from './http/routes';
import { defineSeckillModels, type SeckillModels } from './persistence/models';

export { PURCHASE_LIFECYCLE } from './domain/purchase-lifecycle';
export { SeckillErrors } from './errors';
export type { SeckillModels };

/** What seckill offers outside itself: sessions and items made as an operator would (the demo seed uses it). */
export interface SeckillApi {
  createSession(by: OperatorRef, input: z.output<typeof SeckillSessionInput>): Promise<{ id: number }>;
  addItem(by: OperatorRef, sessionId: number, input: z.output<typeof SeckillItemInput>): Promise<{ id: number }>;
}

declare module '../../kit/module' {
  interface ModuleApis {
    seckill: SeckillApi;
  }
}

export const seckillModule = defineModule({
  name: 'seckill',
  models: defineSeckillModels,
  create(ctx, models) {
    const { rt } = ctx;
    const wake = { writer: undefined as OrderWriter | undefined };
    const deps: SeckillDeps = {
      ...rt, // the platform pieces the deps name (sequelize, db, clock, logger, redis, quotas, audit…)
      models,
      counters: new SeckillCounters(rt.redis),
      soldOut: new SoldOutFlags(rt.redis, rt.logger, `${rt.config.redisPrefix}seckill:units-returned`),
      catalog: ctx.port('catalog'),
      addresses: ctx.port('address'),
      orders: ctx.port('order'),
      notify: (t, userId, event, facts, key) => ctx.port('notification').notify(t, userId, event, facts, key),
      wakeWriter: () => wake.writer?.wake(),
    };
    const writer = new OrderWriter(deps);
    wake.writer = writer;
    return {
      api: {
        createSession: (by, input) => createSession(deps, by, input),
        addItem: (by, sessionId, input) => addItem(deps, by, sessionId, input),
      },
      routes: seckillRoutes(deps, new AttemptMemory(), rt.config.wechat.templates.seckill_starting),
      jobs: [
        { name: 'prewarm-seckill', schedule: '* * * * *', run: ({ now }) => prewarmDue(deps, now) },
        { name: 'reconcile-seckill-stock', schedule: '* * * * *', run: ({ now }) => reconcileAll(deps, now) },
        { name: 'settle-seckill-sessions', schedule: '* * * * *', run: ({ now }) => settleEndedSessions(deps, now) },
        {
          name: 'remind-seckill',
          schedule: '* * * * *',
          run: async ({ now }) => ({ queued: await sendDueReminders(deps, now) }),
        },
      ],
      subscriptions: [
        onEvent('order.paid', async (t, e) => (e.kind === SECKILL_KIND ? purchasePaid(deps, t, e) : undefined)),
        onEvent('order.cancelled', async (t, e) =>
          e.kind === SECKILL_KIND ? purchaseCancelled(deps, t, e) : undefined,
        ),
        onEvent('order.refunded', async (t, e) => (e.kind === SECKILL_KIND ? purchaseRefunded(deps, t, e) : undefined)),
      ],
      workers: [
        {
          name: 'seckill-order-writer',
          start: async () => {
            await deps.soldOut.listen(Boolean(rt.config.redisUrl));
            // counters for sessions open or about to open, before attempts arrive (also after a Redis restart)
            await prewarmDue(deps, rt.clock.now()).catch((err) => rt.logger.warn({ err }, 'seckill pre-warm'));
            writer.start();
          },
          stop: async () => {
            await writer.stop();
            deps.soldOut.close();
          },
        },
      ],
      extends: {
        orderKinds: [
          { kind: SECKILL_KIND, paidStatus: 'to_ship', ownStock: true, paymentWindowMs: SECKILL_PAYMENT_WINDOW_MS },
        ],
      },
    };
  },
});

// Sandbox controls (api-contract.md): move the business clock, run a scheduled job now. Mounted only when
// SANDBOX=1, which production refuses.
import { z } from '../contracts/zod';
import { HttpErrors } from './error-handler';
import { defineRoute, type RouteSpec } from './route';
import type { BusinessClock } from '../kernel/clock';
import type { Scheduler } from '../platform/jobs/scheduler';

const tags = ['sandbox'];

export function sandboxControlRoutes(deps: { clock: BusinessClock; scheduler: Scheduler }): RouteSpec[] {
  const ClockState = z.object({ now: z.string().openapi({ format: 'date-time' }), offsetMs: z.number().int() });
  return [
    defineRoute({
      method: 'get',
      path: '/sandbox/clock',
      tags,
      access: 'public',
      summary: '沙箱：业务时钟的当前时间',
      response: ClockState,
      handler: () => ({ now: deps.clock.now().toISOString(), offsetMs: deps.clock.offset }),
    }),
    defineRoute({
      method: 'post',
      path: '/sandbox/clock',
      tags,
      access: 'public',
      summary: '沙箱：把业务时钟向前拨（订单超时、拼团到期等都读它；签名与会话仍用真实时间）',
      body: z.object({
        advanceMs: z
          .number()
          .int()
          .min(0)
          .max(400 * 86_400_000),
      }),
      response: ClockState,
      handler: ({ body }) => {
        const now = deps.clock.advance(body.advanceMs);
        return { now: now.toISOString(), offsetMs: deps.clock.offset };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/sandbox/jobs/:name/run',
      tags,
      access: 'public',
      summary: '沙箱：立即运行一个定时任务（等待其锁而不是跳过），任务完成后返回',
      params: z.object({ name: z.string().regex(/^[a-z0-9-]+$/) }),
      response: z.object({ job: z.string(), result: z.record(z.string(), z.unknown()).nullable() }),
      errors: [HttpErrors.JOB_NOT_FOUND, HttpErrors.JOB_BUSY],
      handler: async ({ params }) => {
        if (!deps.scheduler.has(params.name)) throw HttpErrors.JOB_NOT_FOUND(undefined, `任务 ${params.name} 不存在`);
        try {
          const result = await deps.scheduler.runNow(params.name);
          return { job: params.name, result: result ?? null };
        } catch (e) {
          if (e instanceof Error && /stayed busy/.test(e.message)) throw HttpErrors.JOB_BUSY(undefined, e.message);
          throw e;
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/sandbox/jobs',
      tags,
      access: 'public',
      summary: '沙箱：可运行的定时任务',
      response: z.object({ items: z.array(z.string()) }),
      handler: () => ({ items: deps.scheduler.names() }),
    }),
  ];
}

import { ACCESS } from '../../../http/access';
import { IdParam } from '../../../contracts/common';
import {
  AdminSeckillItemList,
  SeckillAttempt,
  SeckillAttemptIdParam,
  SeckillAttemptRequest,
  SeckillItemFigures,
  SeckillItemInput,
  SeckillOfferList,
  SeckillOfferQuery,
  SeckillReconciliation,
  SeckillReminder,
  SeckillReminderList,
  SeckillReminderRemoved,
  SeckillSessionInput,
  SeckillSessionList,
  SeckillShopItemList,
} from '../../../contracts/seckill';
import { z } from '../../../contracts/zod';
import { PlatformErrors } from '../../../kernel/errors';
import { operatorOf } from '../../../http/operator';
import { IDEMPOTENCY_KEY_FORMAT } from '../../../platform/idempotency';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { CatalogErrors } from '../../catalog';
import { attempt, getAttempt, type AttemptMemory } from '../application/attempts';
import type { SeckillDeps } from '../application/ports';
import { adminItemFigures, adminSessionItems } from '../application/admin-view';
import { addItem, createSession, listSessions, productOffers, sessionItems } from '../application/sessions';
import { forget, myReminders, remind } from '../application/reminders';
import { reconcileItem } from '../application/warm';
import { SeckillErrors as E } from '../errors';

const ops = ACCESS.campaignsWrite;
const Created = z.object({ id: z.number().int() });

const soldOut = E.SOLD_OUT();

export function seckillRoutes(deps: SeckillDeps, memory: AttemptMemory, reminderTemplateId: string): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/seckill/sessions',
      tags: ['admin'],
      access: ops,
      status: 201,
      summary: '创建秒杀场次（整点，时长不超过 24 小时；同一时段再次创建返回原场次）',
      body: SeckillSessionInput,
      response: Created,
      errors: [E.INVALID_SESSION],
      handler: ({ body, actor, ctx }) => createSession(deps, operatorOf(actor, ctx), body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/seckill/sessions',
      tags: ['admin'],
      access: ops,
      summary: '秒杀场次（昨天起）',
      response: SeckillSessionList,
      handler: () => listSessions(deps),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/seckill/sessions/:id/items',
      tags: ['admin'],
      access: ops,
      status: 201,
      summary: '添加秒杀商品（库存从规格库存中划出，场次结束时未售出的退回）',
      params: IdParam,
      body: SeckillItemInput,
      response: Created,
      errors: [E.SESSION_NOT_FOUND, E.SESSION_ENDED, E.ITEM_NOT_FOUND, E.ITEM_EXISTS, CatalogErrors.STOCK_INSUFFICIENT],
      handler: ({ params, body, actor, ctx }) => addItem(deps, operatorOf(actor, ctx), params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/seckill/sessions/:id/items',
      tags: ['admin'],
      access: ops,
      summary: '场次的秒杀商品：数据库的已售、待付款占用、剩余，与 Redis 的实时剩余',
      params: IdParam,
      response: AdminSeckillItemList,
      errors: [E.SESSION_NOT_FOUND],
      handler: ({ params }) => adminSessionItems(deps, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/seckill/items/:id',
      tags: ['admin'],
      access: ops,
      summary: '秒杀商品的数据库视图：已售、待付款占用、剩余',
      params: IdParam,
      response: SeckillItemFigures,
      errors: [E.ITEM_NOT_FOUND],
      handler: ({ params }) => adminItemFigures(deps, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/seckill/items/:id/reconciliation',
      tags: ['admin'],
      access: ops,
      summary: '对账：Redis 计数与数据库（剩余 − 队列中的抢购）',
      params: IdParam,
      response: SeckillReconciliation,
      errors: [E.ITEM_NOT_FOUND, E.SECKILL_BUSY],
      handler: ({ params }) => reconcileItem(deps, params.id, { repair: false }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/seckill/items/:id/reconciliation/repair',
      tags: ['admin'],
      access: ops,
      summary: '按数据库修正 Redis 计数（记入操作日志）',
      params: IdParam,
      response: SeckillReconciliation,
      errors: [E.ITEM_NOT_FOUND, E.SECKILL_BUSY],
      handler: ({ params, actor, ctx }) => reconcileItem(deps, params.id, { repair: true, by: operatorOf(actor, ctx) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/seckill/sessions',
      tags: ['seckill'],
      access: 'public',
      summary: '秒杀场次（昨天起），含状态 upcoming / open / ended',
      response: SeckillSessionList,
      handler: () => listSessions(deps),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/seckill/sessions/:id/items',
      tags: ['seckill'],
      access: 'public',
      summary: '场次的秒杀商品与剩余数量',
      params: IdParam,
      response: SeckillShopItemList,
      errors: [E.SESSION_NOT_FOUND],
      handler: ({ params }) => sessionItems(deps, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/seckill/offers',
      tags: ['seckill'],
      access: 'public',
      summary: '商品的秒杀：进行中与即将开始的场次里的秒杀商品（商品页横幅）',
      query: SeckillOfferQuery,
      response: SeckillOfferList,
      handler: ({ query }) => productOffers(deps, query.productId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/seckill/items/:id/attempts',
      tags: ['seckill'],
      access: 'consumer',
      status: 202,
      summary: '立即抢购：Redis 原子扣减后排队下单（轮询抢购结果取订单）',
      params: IdParam,
      body: SeckillAttemptRequest,
      response: SeckillAttempt,
      // an item known sold out on this instance answers first (before the token's check and the rate limit: that
      // it is gone is public), without Redis; one error instance, so its envelope is serialised once
      shortCircuit: (params) => (deps.soldOut.has(Number(params.id)) ? soldOut : undefined),
      // the rate limit (20 attempts per 10 s per user and item) is in the attempt's Lua script: one round trip
      errors: [
        PlatformErrors.IDEMPOTENCY_KEY_INVALID,
        PlatformErrors.RATE_LIMITED,
        E.ITEM_NOT_FOUND,
        E.SESSION_NOT_OPEN,
        E.SOLD_OUT,
        E.LIMIT_REACHED,
        E.SECKILL_BUSY,
      ],
      handler: ({ params, body, actor, ctx }) =>
        attempt(deps, memory, actor.userId, params.id, body, idempotencyKey(ctx.get('idempotency-key'))),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/seckill/items/:id/reminders',
      tags: ['seckill'],
      access: 'consumer',
      status: 201,
      summary: '提醒我：场次开抢前通过微信订阅消息提醒（同一商品只提醒一次）',
      params: IdParam,
      response: SeckillReminder,
      errors: [E.ITEM_NOT_FOUND, E.REMINDER_CLOSED],
      handler: ({ params, actor }) => remind(deps, actor.userId, params.id),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/seckill/items/:id/reminders',
      tags: ['seckill'],
      access: 'consumer',
      summary: '取消提醒',
      params: IdParam,
      response: SeckillReminderRemoved,
      handler: ({ params, actor }) => forget(deps, actor.userId, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/seckill/reminders',
      tags: ['seckill'],
      access: 'consumer',
      summary: '我设了提醒的秒杀商品（未开抢的场次），与订阅消息模板',
      response: SeckillReminderList,
      handler: ({ actor }) => myReminders(deps, actor.userId, reminderTemplateId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/seckill/attempts/:id',
      tags: ['seckill'],
      access: 'consumer',
      summary: '抢购结果：queued（排队中）/ ordered（已下单，含订单号）/ failed',
      params: SeckillAttemptIdParam,
      response: SeckillAttempt,
      errors: [E.ATTEMPT_NOT_FOUND],
      handler: ({ params, actor }) => getAttempt(deps, actor.userId, params.id),
    }),
  ];
}

/** An Idempotency-Key in the kit's format (kept in Redis by the attempt script), else IDEMPOTENCY_KEY_INVALID. */
function idempotencyKey(raw: string): string | undefined {
  if (!raw) return undefined;
  if (!IDEMPOTENCY_KEY_FORMAT.test(raw)) throw PlatformErrors.IDEMPOTENCY_KEY_INVALID();
  return raw;
}

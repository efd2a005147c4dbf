// Group buy (拼团): the first marketing module, and the worked example of the module kit (docs/architecture.md) —
//   domain/        pure rules and the group/member lifecycle tables (table-tested, no DB)
//   application/   use cases with their ports: seats (open/join, quotas), lifecycle (order-event handlers),
//                  close (the job and the operator share it), campaigns, views, share, pricing
//   persistence/   models; http/ thin routes; this file: the module's definition
// It declares the `groupbuy` order kind (paid orders wait for their group), prices its orders with its own step,
// follows its members' orders through order events, and sends durable work through the outbox.
import type { z } from 'zod';
import type { CampaignInput } from '../../contracts/groupbuy';
import { defineModule } from '../../kit/module';
import type { OperatorRef } from '../../platform/audit/audit-log';
import { saveCampaign } from './application/campaigns';
import { onEvent } from '../../kit/events';
import { refundWholeOrder } from '../../flows/refund-whole-order';
import { cancelUnpaidMember, closeExpiredGroups } from './application/close';
import {
  CANCEL_UNPAID_MEMBER,
  memberCancelled,
  memberPaid,
  memberRefunded,
  REFUND_STRAY_MEMBER,
  refundStrayMember,
} from './application/lifecycle';
import { CampaignCards, GroupPages } from './application/group-pages';
import type { GroupbuyDeps } from './application/ports';
import { loadCampaignCard, loadGroupPage } from './application/views';
import { groupbuyRoutes } from './http/routes';
import { defineGroupbuyModels, type GroupbuyModels } from './persistence/models';

export { GROUP_LIFECYCLE, MEMBER_LIFECYCLE } from './domain/group-lifecycle';
export { GroupbuyErrors } from './errors';
export type { GroupbuyModels };

const KIND = 'groupbuy';

/** What group buy offers outside itself: creating a campaign as an operator would (the demo seed uses it). */
export interface GroupbuyApi {
  createCampaign(by: OperatorRef, input: z.output<typeof CampaignInput>): Promise<{ id: number }>;
}

declare module '../../kit/module' {
  interface ModuleApis {
    groupbuy: GroupbuyApi;
  }
}

export const groupbuyModule = defineModule({
  name: 'groupbuy',
  models: defineGroupbuyModels,
  create(ctx, models) {
    const { rt } = ctx;
    const orders = ctx.port('order');
    const payments = ctx.port('payment');
    const notifications = ctx.port('notification');
    const identity = ctx.port('identity');
    const deps: GroupbuyDeps = {
      ...rt, // the platform pieces the deps name (sequelize, db, clock, logger, outbox, audit…)
      models,
      notify: (t, userId, event, facts, key) => notifications.notify(t, userId, event, facts, key),
      catalog: ctx.port('catalog'),
      addresses: ctx.port('address'),
      orders,
      refundWholeOrder: (t, orderId) =>
        refundWholeOrder({ orders, payments }, t, orderId, 'group_failed', '拼团未成功'),
      profiles: (ids) => identity.profiles(ids),
      groupPages: new GroupPages(rt.config.readCacheMs, (code) => loadGroupPage(deps, code)),
      campaignCards: new CampaignCards(rt.config.readCacheMs, (id) => loadCampaignCard(deps, id)),
    };
    return {
      api: { createCampaign: (by, input) => saveCampaign(deps, by, input) },
      routes: groupbuyRoutes(deps),
      jobs: [{ name: 'close-expired-groups', schedule: '* * * * *', run: ({ now }) => closeExpiredGroups(deps, now) }],
      outbox: {
        [CANCEL_UNPAID_MEMBER]: (p) => cancelUnpaidMember(deps, Number(p.orderId)),
        [REFUND_STRAY_MEMBER]: (p) => refundStrayMember(deps, Number(p.orderId)),
      },
      // a member's seat moves with their order, atomically with it
      subscriptions: [
        onEvent('order.paid', async (t, e) => (e.kind === KIND ? memberPaid(deps, t, e) : undefined)),
        onEvent('order.cancelled', async (t, e) => (e.kind === KIND ? memberCancelled(deps, t, e) : undefined)),
        onEvent('order.refunded', async (t, e) => (e.kind === KIND ? memberRefunded(deps, t, e) : undefined)),
      ],
      extends: { orderKinds: [{ kind: KIND, paidStatus: 'awaiting_group' }] },
    };
  },
});

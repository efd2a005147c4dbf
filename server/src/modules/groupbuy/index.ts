// Group buy (拼团): the first marketing module, and the shape the others copy —
//   domain/        pure rules and the group lifecycle table (table-tested, no DB)
//   application/   use cases with their ports: seats (open/join), lifecycle hooks on the member's order,
//                  close (the job and the operator share it), views, share
//   persistence/   models; http/ thin routes; this file: the module's surface
// It owns orders of kind 'groupbuy' through the order module's kind hooks, prices them with its own pipeline
// step, and sends durable work (refunds, cancels of unpaid seats, notices) through the outbox.
import type { RouteSpec } from '../../http/route';
import type { JobDefinition } from '../../platform/jobs/scheduler';
import type { OrderKindHooks } from '../order';
import { cancelUnpaidMember, closeExpiredGroups } from './application/close';
import {
  CANCEL_UNPAID_MEMBER,
  groupbuyOrderHooks,
  REFUND_STRAY_MEMBER,
  refundStrayMember,
} from './application/lifecycle';
import type { GroupbuyDeps } from './application/ports';
import { groupbuyRoutes } from './http/routes';

export { defineGroupbuyModels, type GroupbuyModels } from './persistence/models';
export type { GroupbuyDeps } from './application/ports';

export function createGroupbuyModule(deps: GroupbuyDeps): {
  routes: RouteSpec[];
  jobs: JobDefinition[];
  orderHooks: OrderKindHooks;
} {
  deps.outbox.register(CANCEL_UNPAID_MEMBER, (p) => cancelUnpaidMember(deps, Number(p.orderId)));
  deps.outbox.register(REFUND_STRAY_MEMBER, (p) => refundStrayMember(deps, Number(p.orderId)));
  return {
    routes: groupbuyRoutes(deps),
    jobs: [{ name: 'close-expired-groups', schedule: '* * * * *', run: ({ now }) => closeExpiredGroups(deps, now) }],
    orderHooks: groupbuyOrderHooks(deps),
  };
}

// Notices to users (WeChat subscribe messages) through the outbox.
import type { Transaction } from 'sequelize';
import { onEventDurably } from '../../kit/events';
import { defineModule } from '../../kit/module';
import { NOTIFY_TOPIC, notifyUser, sendNotification, type NotificationDeps } from './application/notify';
import type { EventFacts, UserEvent } from './domain/templates';

export type { EventFacts, UserEvent } from './domain/templates';
export { NotificationErrors } from './errors';

/** Queues a notice in the caller's transaction (sent after commit; a duplicate `dedupeKey` is dropped). */
export type Notify = <E extends UserEvent>(
  t: Transaction,
  userId: number,
  event: E,
  facts: EventFacts[E],
  dedupeKey?: string,
) => Promise<void>;

export interface NotificationApi {
  notify: Notify;
}

declare module '../../kit/module' {
  interface ModuleApis {
    notification: NotificationApi;
  }
}

export const notificationModule = defineModule({
  name: 'notification',
  create(ctx) {
    const { rt } = ctx;
    const identity = ctx.port('identity');
    const deps: NotificationDeps = {
      outbox: rt.outbox,
      wechat: rt.wechat,
      logger: rt.logger,
      templateIds: rt.config.wechat.templates,
      openidOf: (userId) => identity.subjectOf(userId, 'wechat'),
    };
    return {
      api: { notify: (t, userId, event, facts, dedupeKey) => notifyUser(deps, t, userId, event, facts, dedupeKey) },
      outbox: { [NOTIFY_TOPIC]: (p) => sendNotification(deps, p) },
      // durable: delivered after the shipment commits, retried until WeChat answers
      subscriptions: [
        onEventDurably('order.shipped', 'wechat-notice', (e) =>
          sendNotification(deps, {
            userId: e.userId,
            event: 'order_shipped',
            facts: { orderNo: e.orderNo, title: e.title, carrier: e.carrier, trackingNo: e.trackingNo },
          }),
        ),
      ],
    };
  },
});

// Notices to users (WeChat subscribe messages) through the outbox.
import type { Transaction } from 'sequelize';
import { NOTIFY_TOPIC, notifyUser, sendNotification, type NotificationDeps } from './application/notify';
import type { EventFacts, UserEvent } from './domain/templates';

export type { NotificationDeps } from './application/notify';
export type { EventFacts, UserEvent } from './domain/templates';

export type Notify = <E extends UserEvent>(
  t: Transaction,
  userId: number,
  event: E,
  facts: EventFacts[E],
  dedupeKey?: string,
) => Promise<void>;

export function createNotificationModule(deps: NotificationDeps): { notify: Notify } {
  deps.outbox.register(NOTIFY_TOPIC, (p) => sendNotification(deps, p));
  return { notify: (t, userId, event, facts, dedupeKey) => notifyUser(deps, t, userId, event, facts, dedupeKey) };
}

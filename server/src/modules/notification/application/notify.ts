// Notices to users go through the outbox: written with the change that causes them, sent by the worker as
// WeChat subscribe messages, retried on transient errors. A user who never consented (43101) or never signed
// in with WeChat simply gets no message; that is not an error.
import type { Transaction } from 'sequelize';
import type { Logger } from '../../../platform/logger';
import type { Outbox } from '../../../platform/outbox/outbox';
import type { WechatClient } from '../../../platform/wechat/wechat-client';
import { renderMessage, type EventFacts, type UserEvent } from '../domain/templates';

export const NOTIFY_TOPIC = 'notify.wechat-subscribe';

export interface NotificationDeps {
  outbox: Outbox;
  wechat: WechatClient;
  logger: Logger;
  /** template ids per event (operators paste them from the mini-program console) */
  templateIds: Record<UserEvent, string>;
  openidOf(userId: number): Promise<string | null>;
}

export async function notifyUser<E extends UserEvent>(
  deps: NotificationDeps,
  t: Transaction,
  userId: number,
  event: E,
  facts: EventFacts[E],
  dedupeKey?: string,
): Promise<void> {
  await deps.outbox.enqueue(
    t,
    NOTIFY_TOPIC,
    { userId, event, facts },
    dedupeKey ? { dedupeKey: `notify:${dedupeKey}` } : {},
  );
}

export async function sendNotification(deps: NotificationDeps, p: Record<string, unknown>): Promise<void> {
  const event = p.event as UserEvent;
  const openid = await deps.openidOf(Number(p.userId));
  if (!openid) return;
  const { page, data } = renderMessage(event, p.facts as never);
  const res = await deps.wechat.sendSubscribeMessage({
    touser: openid,
    templateId: deps.templateIds[event],
    page,
    data,
  });
  if (res.ok) return;
  if (res.final) {
    deps.logger.info({ userId: p.userId, event, errcode: res.errcode }, 'subscribe message not delivered (no consent)');
    return;
  }
  throw new Error(`subscribe message failed: ${res.errcode}`);
}

import Taro from '@tarojs/taro';
import type {
  SeckillAttempt,
  SeckillOfferList,
  SeckillReminderList,
  SeckillSession,
  SeckillShopItem,
} from '@contracts';
import { get, post, request } from './request';

export const listSessions = () => get<{ items: SeckillSession[]; now: string }>('/api/v1/seckill/sessions');
export const sessionItems = (sessionId: number) =>
  get<{ items: SeckillShopItem[] }>(`/api/v1/seckill/sessions/${sessionId}/items`);
export const productOffers = (productId: number) =>
  get<SeckillOfferList>('/api/v1/seckill/offers', { productId }, { silent: true });
// the attempt takes the intent's Idempotency-Key (hooks/useSubmit.ts): a retried tap is the same attempt
export const grab = (itemId: number, quantity: number, addressId: number, idempotencyKey: string) =>
  post<SeckillAttempt>(
    `/api/v1/seckill/items/${itemId}/attempts`,
    { quantity, addressId },
    { headers: { 'Idempotency-Key': idempotencyKey }, silent: true },
  );
export const getAttempt = (attemptId: string) =>
  get<SeckillAttempt>(`/api/v1/seckill/attempts/${attemptId}`, undefined, { silent: true });

/** Polls an attempt until the order writer has made its order (or refused it); about 20 s at most. */
export async function waitForOrder(attemptId: string): Promise<SeckillAttempt> {
  for (let i = 0; ; i++) {
    const a = await getAttempt(attemptId);
    if (a.status !== 'queued' || i >= 60) return a;
    await new Promise((r) => setTimeout(r, i < 10 ? 200 : 500));
  }
}

/** The server's business time minus this device's clock: countdowns add it (the sandbox clock may run ahead). */
export const clockOffset = (serverNow: string) => new Date(serverNow).getTime() - Date.now();

/** 提醒我 (weapp only: the notice is a WeChat subscribe message, which needs the user's consent first). */
export const remindersSupported = () => process.env.TARO_ENV === 'weapp';
export const myReminders = () => get<SeckillReminderList>('/api/v1/seckill/reminders', undefined, { silent: true });

/** Asks WeChat's consent for one message (one consent, one send), then records the reminder; false if refused. */
export async function remindMe(itemId: number, templateId: string): Promise<boolean> {
  const consent = (await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] }).catch(
    () => null,
  )) as Record<string, unknown> | null;
  if (consent?.[templateId] !== 'accept') return false;
  await post(`/api/v1/seckill/items/${itemId}/reminders`);
  return true;
}
export const forgetReminder = (itemId: number) =>
  request(`/api/v1/seckill/items/${itemId}/reminders`, { method: 'DELETE' });

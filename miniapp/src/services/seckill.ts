import type { SeckillAttempt, SeckillOfferList, SeckillSession, SeckillShopItem } from '@contracts';
import { get, post } from './request';

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

// Group-buy fixtures: a campaign on a fresh product, and members opening, joining and paying.
import type { TestServer } from './harness';
import { buyer, createProduct, orderStatus, prepay, waitFor } from './shop';

export async function campaign(t: TestServer, admin: string, opts: Record<string, unknown> = {}, stock = 100) {
  const { productId, skuId } = await createProduct(t, admin, stock, 10000);
  const res = await t.api('POST', '/api/admin/v1/groupbuy/campaigns', {
    token: admin,
    body: { productId, size: 2, validityHours: 24, skus: [{ skuId, groupPriceFen: 6000 }], ...opts },
  });
  if (res.status !== 201) throw new Error(`campaign: ${res.status} ${JSON.stringify(res.body)}`);
  return { campaignId: res.body.id as number, productId, skuId };
}

export type Member = Awaited<ReturnType<typeof buyer>>;

export async function open(t: TestServer, m: Member, c: { campaignId: number; skuId: number }) {
  const res = await t.api('POST', '/api/v1/groupbuy/groups', {
    token: m.token,
    body: { campaignId: c.campaignId, skuId: c.skuId, addressId: m.addressId },
  });
  if (res.status !== 201) throw new Error(`open: ${res.status} ${JSON.stringify(res.body)}`);
  return { code: res.body.group.code as string, orderId: res.body.order.id as number, body: res.body };
}

export function join(t: TestServer, m: Member, code: string, skuId: number, fallback: 'route' | 'none' = 'none') {
  return t.api('POST', `/api/v1/groupbuy/groups/${code}/join`, {
    token: m.token,
    body: { skuId, addressId: m.addressId, fallback },
  });
}

/** Pays in the WeChat Pay simulator and waits until the order has left pending_payment. */
export async function pay(t: TestServer, m: Member, orderId: number) {
  const p = await prepay(t, m.token, orderId);
  await t.api('POST', '/sandbox/wechatpay/pay', { body: { prepayId: p.prepayId } });
  return waitFor(
    () => orderStatus(t, m.token, orderId),
    (s) => s !== 'pending_payment',
  );
}

export const group = async (t: TestServer, code: string) =>
  (await t.api('GET', `/api/v1/groupbuy/groups/${code}`)).body;

// Shop fixtures shared by integration tests: products, buyers with an address, orders, and paying them
// through the real client → WeChat Pay simulator → signed notification loop.
import { encryptResource, resourceNonce } from '../../src/platform/wechatpay/aes-gcm';
import { wechatLogin, type TestServer } from './harness';

export async function createProduct(t: TestServer, admin: string, stock: number, priceFen = 5000) {
  const res = await t.api('POST', '/api/admin/v1/products', {
    token: admin,
    body: { title: `测试商品${Math.random().toString(36).slice(2, 6)}`, skus: [{ priceFen, stock }] },
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`);
  return { productId: res.body.id as number, skuId: res.body.skus[0].id as number };
}

export async function buyer(t: TestServer, name: string) {
  const { token, userId } = await wechatLogin(t, name);
  const addr = await t.api('POST', '/api/v1/addresses', {
    token,
    body: {
      name: '张三',
      phone: '13800138000',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 1 号',
    },
  });
  return { token, userId, addressId: addr.body.id as number };
}

export async function placeOrder(t: TestServer, b: { token: string; addressId: number }, skuId: number, quantity = 1) {
  const res = await t.api('POST', '/api/v1/orders', {
    token: b.token,
    body: { items: [{ skuId, quantity }], addressId: b.addressId },
  });
  if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; orderNo: string; payableFen: number; status: string };
}

export async function prepay(t: TestServer, token: string, orderId: number) {
  const res = await t.api('POST', `/api/v1/orders/${orderId}/pay`, { token, body: { channel: 'wechat' } });
  if (res.status !== 200) throw new Error(`pay: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { prepayId: string; timeStamp: string; nonceStr: string; package: string; paySign: string };
}

export async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const orderStatus = async (t: TestServer, token: string, orderId: number) =>
  (await t.api('GET', `/api/v1/orders/${orderId}`, { token })).body.status as string;

/** Pays an order in the simulator and waits until the notification has been applied. */
export async function payAndSettle(t: TestServer, token: string, orderId: number) {
  const p = await prepay(t, token, orderId);
  const res = await t.api('POST', '/sandbox/wechatpay/pay', { body: { prepayId: p.prepayId } });
  if (res.status !== 200) throw new Error(`sandbox pay: ${res.status} ${JSON.stringify(res.body)}`);
  return waitFor(
    () => orderStatus(t, token, orderId),
    (s) => s !== 'pending_payment',
  );
}

/** A TRANSACTION.SUCCESS notification body for a trade the simulator holds, as WeChat would post it. */
export function transactionNotification(t: TestServer, outTradeNo: string): string {
  const sim = t.rt.wechatPaySim!;
  const trade = sim.ledger.get(outTradeNo);
  const keys = t.rt.sandboxKeys!.wechatPay;
  const resource = {
    appid: trade.appid,
    mchid: trade.mchid,
    out_trade_no: trade.out_trade_no,
    transaction_id: trade.transaction_id,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    success_time: trade.success_time,
    payer: { openid: trade.openid },
    amount: { total: trade.total, payer_total: trade.total, currency: 'CNY', payer_currency: 'CNY' },
  };
  const nonce = resourceNonce();
  return JSON.stringify({
    id: `EV-test-${outTradeNo}`,
    create_time: trade.success_time,
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: encryptResource(JSON.stringify(resource), keys.apiV3Key, nonce, 'transaction'),
      associated_data: 'transaction',
      nonce,
    },
  });
}

// The simulator's signature checks against wechatpay-node-v3 itself: what the library signs, the simulator
// accepts; what it signs with another key, the simulator refuses (401 SIGN_ERROR); what the simulator signs, the
// library's own verifySign accepts. And why we decrypt with our own routine: the library's skips the GCM tag.
import { generateKeyPairSync } from 'node:crypto';
import WxPay from 'wechatpay-node-v3';
import { decryptResource, encryptResource } from '../../src/platform/wechatpay/aes-gcm';
import { startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ mode: 'embedded' });
});
afterAll(() => t.close());

function library(privateKey: string) {
  const keys = t.rt.sandboxKeys!.wechatPay;
  const pay = new WxPay({
    appid: t.rt.config.wechat.appId,
    mchid: keys.mchId,
    serial_no: keys.merchant.serialNo,
    publicKey: Buffer.from(keys.merchant.certificate),
    privateKey: Buffer.from(privateKey),
    key: keys.apiV3Key,
  });
  const base = `${t.baseUrl}/sandbox/wechatpay`;
  const send = async (method: string, url: string, headers: Record<string, string>, body?: string) => {
    const res = await fetch(url.replace('https://api.mch.weixin.qq.com', base), {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    return res.ok ? { status: res.status, data: text ? JSON.parse(text) : null } : { status: res.status, error: text };
  };
  pay.createHttp({
    post: (url, params, headers) => send('POST', url, headers, JSON.stringify(params)),
    get: (url, headers) => send('GET', url, headers),
    upload: () => Promise.reject(new Error('unused')),
  });
  return pay;
}

it("accepts the library's signed requests and refuses another key's", async () => {
  const keys = t.rt.sandboxKeys!.wechatPay;
  const good = await library(keys.merchant.privateKey).query({ out_trade_no: 'NOSUCHORDER1' });
  expect(good.status).toBe(404);
  expect(JSON.parse(good.error)).toMatchObject({ code: 'ORDER_NOT_EXIST' });

  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  });
  const bad = await library(String(stranger)).query({ out_trade_no: 'NOSUCHORDER1' });
  expect(bad.status).toBe(401);
  expect(JSON.parse(bad.error)).toMatchObject({ code: 'SIGN_ERROR' });
});

it("the library's verifySign (platform certificate mode) accepts the simulator's notifications", async () => {
  const pay = library(t.rt.sandboxKeys!.wechatPay.merchant.privateKey);
  const body = '{"id":"EV-lib","event_type":"TRANSACTION.SUCCESS"}';
  const h = t.rt.wechatPaySim!.notifier.signedHeaders(body, 'certificate');
  const ok = await pay.verifySign({
    timestamp: h['Wechatpay-Timestamp'],
    nonce: h['Wechatpay-Nonce'],
    serial: h['Wechatpay-Serial'],
    signature: h['Wechatpay-Signature'],
    body,
    apiSecret: t.rt.sandboxKeys!.wechatPay.apiV3Key,
  });
  expect(ok).toBe(true);
  const forged = await pay.verifySign({
    timestamp: h['Wechatpay-Timestamp'],
    nonce: h['Wechatpay-Nonce'],
    serial: h['Wechatpay-Serial'],
    signature: h['Wechatpay-Signature'],
    body: body.replace('EV-lib', 'EV-lid'),
  });
  expect(forged).toBe(false);
});

it("the library's decipher_gcm lets a forged tag through; ours refuses it", () => {
  const pay = library(t.rt.sandboxKeys!.wechatPay.merchant.privateKey);
  const key = t.rt.sandboxKeys!.wechatPay.apiV3Key;
  const ct = Buffer.from(encryptResource('{"trade_state":"SUCCESS"}', key, 'abcdefghijkl', 'transaction'), 'base64');
  ct.writeUInt8(ct.readUInt8(ct.length - 1) ^ 1, ct.length - 1); // break the tag only
  const forged = ct.toString('base64');
  expect(pay.decipher_gcm(forged, 'transaction', 'abcdefghijkl', key)).toEqual({ trade_state: 'SUCCESS' });
  expect(() => decryptResource(forged, key, 'abcdefghijkl', 'transaction')).toThrow();
});

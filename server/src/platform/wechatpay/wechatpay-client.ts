// Our WeChat Pay v3 client: wechatpay-node-v3 builds and signs the requests; we plug in the HTTP layer
// (`createHttp`) so that the host can point at the sandbox simulator, the body goes out byte-identical to what
// was signed, and every response's signature is verified (the library checks none). Nothing here throws on a
// WeChat error: calls return a typed result, callers decide.
import { shanghaiRfc3339 } from '../../kernel/shanghai-time';
import { randomBytes, X509Certificate } from 'node:crypto';
import WxPay from 'wechatpay-node-v3';
import type { Logger } from '../logger';
import { decryptResource } from './aes-gcm';
import { WechatPayVerifier } from './verifier';

export const WECHATPAY_HOST = 'https://api.mch.weixin.qq.com';

export interface WechatPayConfig {
  appId: string;
  mchId: string;
  /** merchant API certificate serial */
  serialNo: string;
  /** apiclient_key.pem */
  privateKey: string;
  /** apiclient_cert.pem (the library wants one; only its serial matters and we pass that explicitly) */
  certificate?: string;
  apiV3Key: string;
  /** WeChat Pay public key mode (PUB_KEY_ID_…) */
  publicKeyId?: string;
  publicKey?: string;
  /** https://api.mch.weixin.qq.com, or the simulator in sandbox */
  apiBase: () => string;
  /** where WeChat posts payment and refund notifications */
  notifyBase: () => string;
}

export type WxResult<T> =
  { ok: true; status: number; data: T } | { ok: false; status: number; code: string; message: string };

export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface WxTransaction {
  out_trade_no: string;
  transaction_id?: string;
  trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
  success_time?: string;
  amount?: { total: number; payer_total?: number; currency: string };
  mchid?: string;
  appid?: string;
}

export interface WxRefund {
  refund_id: string;
  out_refund_no: string;
  out_trade_no?: string;
  status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  amount: { refund: number; total: number };
}

type RawResponse = { status: number; text: string; headers: Headers };

export class WechatPayClient {
  readonly verifier: WechatPayVerifier;
  private readonly pay: WxPay;

  constructor(
    readonly config: WechatPayConfig,
    private readonly logger: Logger,
  ) {
    this.pay = new WxPay({
      appid: config.appId,
      mchid: config.mchId,
      serial_no: config.serialNo,
      publicKey: Buffer.from(config.certificate ?? 'unused'),
      privateKey: Buffer.from(config.privateKey),
      key: config.apiV3Key,
    });
    this.verifier = new WechatPayVerifier({
      publicKeys: config.publicKeyId && config.publicKey ? { [config.publicKeyId]: config.publicKey } : {},
      fetchCertificates: () => this.downloadCertificates(),
    });
    this.pay.createHttp({
      post: (url, params, headers) => this.send('POST', url, headers, JSON.stringify(params)),
      get: (url, headers) => this.send('GET', url, headers),
      upload: () => Promise.reject(new Error('upload is not used')),
    });
  }

  get notifyUrls() {
    const base = this.config.notifyBase();
    return { payment: `${base}/api/v1/payments/wechat/notify`, refund: `${base}/api/v1/payments/wechat/refund-notify` };
  }

  /** JSAPI prepay → the parameters `wx.requestPayment` takes (signed with the merchant key by the library). */
  async jsapiPrepay(p: {
    outTradeNo: string;
    description: string;
    amountFen: number;
    openid: string;
    expiresAt: Date;
  }): Promise<WxResult<{ prepayId: string; params: RequestPaymentParams }>> {
    const r = await this.pay.transactions_jsapi({
      description: p.description.slice(0, 127),
      out_trade_no: p.outTradeNo,
      time_expire: rfc3339Shanghai(p.expiresAt),
      notify_url: this.notifyUrls.payment,
      amount: { total: p.amountFen, currency: 'CNY' },
      payer: { openid: p.openid },
    });
    const res = this.result<{ package: string } & RequestPaymentParams>(r);
    if (!res.ok) return res;
    const { timeStamp, nonceStr, package: pkg, signType, paySign } = res.data;
    return {
      ...res,
      data: {
        prepayId: pkg.replace(/^prepay_id=/, ''),
        params: { timeStamp, nonceStr, package: pkg, signType, paySign },
      },
    };
  }

  async query(outTradeNo: string): Promise<WxResult<WxTransaction>> {
    return this.result(await this.pay.query({ out_trade_no: outTradeNo }));
  }

  /** 204 on success; an order WeChat never saw (ORDER_NOT_EXIST) counts as closed. */
  async close(outTradeNo: string): Promise<WxResult<null>> {
    const r = this.result<null>(await this.pay.close(outTradeNo));
    if (!r.ok && r.code === 'ORDER_NOT_EXIST') return { ok: true, status: 204, data: null };
    return r;
  }

  async refund(p: {
    outTradeNo: string;
    outRefundNo: string;
    amountFen: number;
    totalFen: number;
    reason: string;
  }): Promise<WxResult<WxRefund>> {
    const r = await this.pay.refunds({
      out_trade_no: p.outTradeNo,
      out_refund_no: p.outRefundNo,
      reason: p.reason.slice(0, 80),
      notify_url: this.notifyUrls.refund,
      amount: { refund: p.amountFen, total: p.totalFen, currency: 'CNY' },
    } as never);
    return this.result(r);
  }

  async queryRefund(outRefundNo: string): Promise<WxResult<WxRefund>> {
    return this.result(await this.pay.find_refunds(outRefundNo));
  }

  /** GET /v3/certificates: decrypt each with the APIv3 key (tag checked) and verify the response with them. */
  async downloadCertificates(): Promise<Record<string, string>> {
    const path = '/v3/certificates';
    const nonce = randomBytes(16).toString('hex');
    const ts = Math.floor(Date.now() / 1000).toString();
    const authorization = this.pay.getAuthorization(nonce, ts, this.pay.getSignature('GET', nonce, ts, path));
    const res = await this.raw('GET', `${WECHATPAY_HOST}${path}`, {
      Authorization: authorization,
      Accept: 'application/json',
    });
    if (res.status !== 200) throw new Error(`downloading platform certificates failed: ${res.status} ${res.text}`);
    const body = JSON.parse(res.text) as {
      data: {
        serial_no: string;
        encrypt_certificate: { ciphertext: string; nonce: string; associated_data: string };
      }[];
    };
    const certs: Record<string, string> = {};
    for (const item of body.data) {
      const e = item.encrypt_certificate;
      const pem = decryptResource(e.ciphertext, this.config.apiV3Key, e.nonce, e.associated_data);
      certs[item.serial_no] = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    }
    const check = new WechatPayVerifier({ publicKeys: {} });
    check.addCertificates(certs);
    const verdict = await check.verify(signedHeaders(res.headers), res.text);
    if (!verdict.ok) throw new Error(`the certificate download is not signed by its certificates (${verdict.reason})`);
    return certs;
  }

  private async raw(method: string, url: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
    const target = url.replace(WECHATPAY_HOST, this.config.apiBase());
    const res = await fetch(target, {
      method,
      headers: { ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  /** The library's IPayRequest contract: {status, data} on 2xx, {status, error} otherwise. */
  private async send(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: string) {
    try {
      const { 'Accept-Encoding': _ignored, ...sendHeaders } = headers;
      const res = await this.raw(method, url, sendHeaders, body);
      const verdict = await this.verifier.verify(signedHeaders(res.headers), res.text);
      if (!verdict.ok) {
        this.logger.error(
          { url, status: res.status, reason: verdict.reason },
          'WeChat Pay response failed verification',
        );
        return { status: 502, error: JSON.stringify({ code: 'RESPONSE_UNVERIFIED', message: verdict.reason }) };
      }
      if (res.status >= 200 && res.status < 300)
        return { status: res.status, data: res.text ? JSON.parse(res.text) : null };
      return { status: res.status, error: res.text };
    } catch (err) {
      this.logger.warn({ err, url }, 'WeChat Pay request failed');
      return { status: 0, error: JSON.stringify({ code: 'NETWORK_ERROR', message: String(err) }) };
    }
  }

  private result<T>(r: { status: number; data?: unknown; error?: unknown }): WxResult<T> {
    if (r.status >= 200 && r.status < 300) return { ok: true, status: r.status, data: (r.data ?? null) as T };
    let code = 'UNKNOWN';
    let message = '';
    try {
      const e = JSON.parse(String(r.error)) as { code?: string; message?: string };
      code = e.code ?? code;
      message = e.message ?? '';
    } catch {
      message = String(r.error ?? '');
    }
    return { ok: false, status: r.status, code, message };
  }
}

export function signedHeaders(h: Headers | Record<string, string | string[] | undefined>) {
  const get = (name: string) => {
    const v = h instanceof Headers ? h.get(name) : h[name];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  return {
    timestamp: get('wechatpay-timestamp'),
    nonce: get('wechatpay-nonce'),
    signature: get('wechatpay-signature'),
    serial: get('wechatpay-serial'),
  };
}

/** RFC 3339 with the +08:00 offset WeChat expects, e.g. 2026-11-23T12:00:00+08:00. */
export const rfc3339Shanghai = shanghaiRfc3339;

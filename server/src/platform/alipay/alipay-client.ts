// Alipay open platform through alipay-sdk (platform.md §4): the gateway is configurable, so sandbox and tests
// talk to the in-process simulator over HTTP with real RSA2 signatures both ways.
import { AlipaySdk } from 'alipay-sdk';
import { AppError, PlatformErrors } from '../../kernel/errors';
import { fenToYuanString, yuanToFen } from '../../kernel/money';
import { shanghaiDateTime } from '../../kernel/shanghai-time';
import type { Logger } from '../logger';

export interface AlipayClientOptions {
  appId: string;
  /** PKCS#8 PEM */
  privateKey: string;
  /** Alipay's public key, PEM (SPKI) */
  alipayPublicKey: string;
  gateway: () => string;
  logger: Logger;
}

export type AlipayResult = { ok: true; data: Record<string, unknown> } | { ok: false; code: string; subCode: string };

/** Alipay amounts are yuan strings with two decimals; we keep fen and convert only at the edge. */
export const fenToYuan = fenToYuanString;

/** A yuan string from Alipay as fen; NaN when it is not one (it then matches no order amount). */
export function yuanToFenOrNaN(yuan: string): number {
  try {
    return yuanToFen(yuan);
  } catch {
    return NaN;
  }
}

export class AlipayClient {
  private sdk?: AlipaySdk;
  private sdkGateway?: string;

  constructor(private readonly opts: AlipayClientOptions) {}

  private client(): AlipaySdk {
    const gateway = this.opts.gateway();
    if (!this.sdk || this.sdkGateway !== gateway) {
      this.sdk = new AlipaySdk({
        appId: this.opts.appId,
        privateKey: this.opts.privateKey,
        alipayPublicKey: this.opts.alipayPublicKey,
        keyType: 'PKCS8',
        signType: 'RSA2',
        gateway,
        timeout: 5000,
      });
      this.sdkGateway = gateway;
    }
    return this.sdk;
  }

  /** alipay.system.oauth.token: an auth code from my.getAuthCode → the user's id. */
  async exchangeAuthCode(code: string): Promise<{ userId: string }> {
    let result: Record<string, unknown>;
    try {
      result = (await this.client().exec(
        'alipay.system.oauth.token',
        { grantType: 'authorization_code', code },
        { validateSign: true },
      )) as Record<string, unknown>;
    } catch (err) {
      this.opts.logger.warn({ err }, 'alipay gateway error');
      throw PlatformErrors.ALIPAY_UNAVAILABLE();
    }
    if (result.code && result.code !== '10000') throw this.mapError(result);
    const userId = (result.userId ?? result.openId) as string | undefined;
    if (!userId) throw PlatformErrors.ALIPAY_UNAVAILABLE(undefined, '支付宝登录暂不可用');
    return { userId };
  }

  /** Calls a trade API; Alipay business errors come back as {ok:false, subCode}, never thrown. */
  private async trade(method: string, bizContent: Record<string, unknown>, notifyUrl?: string): Promise<AlipayResult> {
    try {
      const r = (await this.client().exec(
        method,
        { bizContent, ...(notifyUrl ? { notifyUrl } : {}) },
        { validateSign: true },
      )) as Record<string, unknown>;
      if (r.code === '10000') return { ok: true, data: r };
      return { ok: false, code: String(r.code ?? ''), subCode: String(r.subCode ?? r.code ?? 'UNKNOWN') };
    } catch (err) {
      this.opts.logger.warn({ err, method }, 'alipay gateway error');
      return { ok: false, code: 'NETWORK', subCode: 'NETWORK_ERROR' };
    }
  }

  /** alipay.trade.create (JSAPI_PAY): the trade number the mini-program hands to my.tradePay. */
  tradeCreate(p: {
    outTradeNo: string;
    amountFen: number;
    subject: string;
    buyerId: string;
    notifyUrl: string;
    expiresAt: Date;
  }) {
    return this.trade(
      'alipay.trade.create',
      {
        out_trade_no: p.outTradeNo,
        total_amount: fenToYuan(p.amountFen),
        subject: p.subject.slice(0, 256),
        buyer_id: p.buyerId,
        product_code: 'JSAPI_PAY',
        time_expire: shanghaiDateTime(p.expiresAt),
      },
      p.notifyUrl,
    );
  }

  tradeQuery(outTradeNo: string) {
    return this.trade('alipay.trade.query', { out_trade_no: outTradeNo });
  }

  tradeClose(outTradeNo: string) {
    return this.trade('alipay.trade.close', { out_trade_no: outTradeNo });
  }

  tradeRefund(p: { outTradeNo: string; outRequestNo: string; amountFen: number; reason: string }) {
    return this.trade('alipay.trade.refund', {
      out_trade_no: p.outTradeNo,
      out_request_no: p.outRequestNo,
      refund_amount: fenToYuan(p.amountFen),
      refund_reason: p.reason,
    });
  }

  /** RSA2 over the sorted form fields (sign and sign_type left out), checked by the SDK. */
  verifyNotification(form: Record<string, string>): boolean {
    try {
      return this.client().checkNotifySignV2(form);
    } catch {
      return false;
    }
  }

  get appId(): string {
    return this.opts.appId;
  }

  private mapError(result: Record<string, unknown>): AppError {
    this.opts.logger.warn({ code: result.code, subCode: result.subCode }, 'alipay api error');
    if (result.subCode === 'isv.code-invalid') return PlatformErrors.ALIPAY_CODE_INVALID();
    return PlatformErrors.ALIPAY_UNAVAILABLE();
  }
}

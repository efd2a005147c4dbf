// Alipay open platform through alipay-sdk (platform.md §4): the gateway is configurable, so sandbox and tests
// talk to the in-process simulator over HTTP with real RSA2 signatures both ways.
import { AlipaySdk } from 'alipay-sdk';
import { AppError, invalid, unavailable } from '../../kernel/errors';
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
      throw unavailable('ALIPAY_UNAVAILABLE', '支付宝服务暂不可用，请稍后再试');
    }
    if (result.code && result.code !== '10000') throw this.mapError(result);
    const userId = (result.userId ?? result.openId) as string | undefined;
    if (!userId) throw unavailable('ALIPAY_UNAVAILABLE', '支付宝登录暂不可用');
    return { userId };
  }

  private mapError(result: Record<string, unknown>): AppError {
    this.opts.logger.warn({ code: result.code, subCode: result.subCode }, 'alipay api error');
    if (result.subCode === 'isv.code-invalid')
      return invalid('ALIPAY_CODE_INVALID', '支付宝授权码无效或已使用，请重试');
    return unavailable('ALIPAY_UNAVAILABLE', '支付宝服务暂不可用，请稍后再试');
  }
}

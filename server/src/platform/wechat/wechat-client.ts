// The WeChat mini-program server API (platform.md §3): jscode2session for login and the stable access token,
// cached in Redis so every instance shares one token. The base URL is configurable: the real
// https://api.weixin.qq.com in production, the in-process simulator in sandbox and tests.
import { AppError, PlatformErrors } from '../../kernel/errors';
import type { Logger } from '../logger';
import type { RedisClient } from '../redis/redis';

export interface WechatSession {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

export interface WechatClientOptions {
  appId: string;
  secret: string;
  /** e.g. https://api.weixin.qq.com (a function: in sandbox it is known only once the server listens) */
  apiBase: () => string;
  redis: RedisClient;
  logger: Logger;
  timeoutMs?: number;
}

interface WechatError {
  errcode?: number;
  errmsg?: string;
}

export class WechatClient {
  constructor(private readonly opts: WechatClientOptions) {}

  async code2Session(code: string): Promise<WechatSession> {
    const q = new URLSearchParams({
      appid: this.opts.appId,
      secret: this.opts.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const res = await this.call<{ openid?: string; unionid?: string; session_key?: string } & WechatError>(
      'GET',
      `/sns/jscode2session?${q}`,
    );
    if (res.errcode) throw this.mapError(res);
    if (!res.openid || !res.session_key) throw PlatformErrors.WECHAT_UNAVAILABLE(undefined, '微信登录暂不可用');
    return { openid: res.openid, unionid: res.unionid, sessionKey: res.session_key };
  }

  /** The shared access token; refreshed 5 minutes before it expires, once across instances. */
  async accessToken(): Promise<string> {
    const key = `wechat:access_token:${this.opts.appId}`;
    const cached = await this.opts.redis.get(key);
    if (cached) return cached;
    const res = await this.call<{ access_token?: string; expires_in?: number } & WechatError>(
      'POST',
      '/cgi-bin/stable_token',
      {
        grant_type: 'client_credential',
        appid: this.opts.appId,
        secret: this.opts.secret,
      },
    );
    if (res.errcode || !res.access_token) throw this.mapError(res);
    const ttl = Math.max(60, (res.expires_in ?? 7200) - 300);
    await this.opts.redis.set(key, res.access_token, 'EX', ttl);
    return res.access_token;
  }

  /**
   * POST /cgi-bin/message/subscribe/send. 43101 (the user gave no consent, or used it up) and 40003 (bad openid)
   * are final; anything else is worth retrying.
   */
  async sendSubscribeMessage(m: {
    touser: string;
    templateId: string;
    page: string;
    data: Record<string, { value: string }>;
  }): Promise<{ ok: true } | { ok: false; final: boolean; errcode: number }> {
    const token = await this.accessToken();
    const res = await this.call<WechatError>('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, {
      touser: m.touser,
      template_id: m.templateId,
      page: m.page,
      data: m.data,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
    if (!res.errcode) return { ok: true };
    if (res.errcode === 40001 || res.errcode === 42001)
      await this.opts.redis.del(`wechat:access_token:${this.opts.appId}`);
    return { ok: false, final: res.errcode === 43101 || res.errcode === 40003, errcode: res.errcode };
  }

  /** POST /wxa/getwxacodeunlimit: an image on success, JSON on error (branch on Content-Type). */
  async unlimitedQrCode(q: { scene: string; page: string; width?: number; checkPath?: boolean }): Promise<Buffer> {
    const token = await this.accessToken();
    let response: Response;
    try {
      response = await fetch(`${this.opts.apiBase()}/wxa/getwxacodeunlimit?access_token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scene: q.scene, page: q.page, width: q.width ?? 430, check_path: q.checkPath ?? false }),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
    } catch (err) {
      this.opts.logger.warn({ err }, 'wechat api unreachable');
      throw PlatformErrors.WECHAT_UNAVAILABLE();
    }
    if ((response.headers.get('content-type') ?? '').startsWith('image/'))
      return Buffer.from(await response.arrayBuffer());
    throw this.mapError((await response.json()) as WechatError);
  }

  private mapError(res: WechatError): AppError {
    this.opts.logger.warn({ errcode: res.errcode, errmsg: res.errmsg }, 'wechat api error');
    switch (res.errcode) {
      case 40029:
      case 40163:
        return PlatformErrors.WECHAT_CODE_INVALID();
      case 45011:
        return PlatformErrors.RATE_LIMITED({ retryAfterSec: 60 });
      case 40226:
        return PlatformErrors.WECHAT_USER_RISKY();
      default:
        return PlatformErrors.WECHAT_UNAVAILABLE();
    }
  }

  private async call<T>(method: 'GET' | 'POST', pathAndQuery: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.opts.apiBase()}${pathAndQuery}`, {
        method,
        headers: body ? { 'content-type': 'application/json' } : undefined,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
    } catch (err) {
      this.opts.logger.warn({ err }, 'wechat api unreachable');
      throw PlatformErrors.WECHAT_UNAVAILABLE();
    }
    if (!response.ok) throw PlatformErrors.WECHAT_UNAVAILABLE(undefined, `微信服务返回 ${response.status}`);
    return (await response.json()) as T;
  }
}

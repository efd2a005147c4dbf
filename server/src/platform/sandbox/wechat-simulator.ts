// The WeChat server API simulator (sandbox only): the same paths, parameters and error shapes as
// api.weixin.qq.com. A login code `sim_<name>` is accepted as openid `<name>` (the same code, the same user);
// anything else is 40029 like an invalid code. Unknown appid/secret gives 40013/40125 as WeChat does.
import Router from '@koa/router';
import QRCode from 'qrcode';
import { randomToken } from '../../kernel/ids';

export interface SentSubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  sentAt: string;
}

/** The mini-program QR scene: ≤ 32 visible characters of this set (platform.md §3). */
export const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export interface WechatSimulatorOptions {
  appId: string;
  secret: string;
}

export const SIM_CODE = /^sim_([0-9A-Za-z_-]{1,64})$/;

export function wechatSimulator({ appId, secret }: WechatSimulatorOptions): Router {
  const router = new Router({ prefix: '/sandbox/wechat' });
  const tokens = new Map<string, number>(); // token → expiry (ms), to answer like the real stable_token
  const messages: SentSubscribeMessage[] = [];

  router.get('/sns/jscode2session', (ctx) => {
    const { appid, secret: s, js_code: code, grant_type: grant } = ctx.query as Record<string, string>;
    if (appid !== appId) return void (ctx.body = { errcode: 40013, errmsg: 'invalid appid' });
    if (s !== secret) return void (ctx.body = { errcode: 40125, errmsg: 'invalid appsecret' });
    if (grant !== 'authorization_code') return void (ctx.body = { errcode: 40002, errmsg: 'invalid grant_type' });
    const m = SIM_CODE.exec(code ?? '');
    if (!m) return void (ctx.body = { errcode: 40029, errmsg: 'invalid code' });
    ctx.body = { openid: m[1], session_key: Buffer.from(`sk-${m[1]}`).toString('base64') };
  });

  router.post('/cgi-bin/stable_token', (ctx) => {
    const body = (ctx.request.body ?? {}) as Record<string, string>;
    if (body.grant_type !== 'client_credential')
      return void (ctx.body = { errcode: 40002, errmsg: 'invalid grant_type' });
    if (body.appid !== appId) return void (ctx.body = { errcode: 40013, errmsg: 'invalid appid' });
    if (body.secret !== secret) return void (ctx.body = { errcode: 40125, errmsg: 'invalid appsecret' });
    const token = `SIMTOKEN_${randomToken(24)}`;
    tokens.set(token, Date.now() + 7200_000);
    ctx.body = { access_token: token, expires_in: 7200 };
  });

  const validToken = (t: unknown) => typeof t === 'string' && (tokens.get(t) ?? 0) > Date.now();

  router.post('/cgi-bin/message/subscribe/send', (ctx) => {
    if (!validToken(ctx.query.access_token)) return void (ctx.body = { errcode: 40001, errmsg: 'invalid credential' });
    const b = (ctx.request.body ?? {}) as Partial<SentSubscribeMessage>;
    if (!b.touser || !/^[\w-]{1,64}$/.test(b.touser))
      return void (ctx.body = { errcode: 40003, errmsg: 'invalid openid' });
    if (!b.template_id || !b.data) return void (ctx.body = { errcode: 47003, errmsg: 'argument invalid' });
    messages.push({
      touser: b.touser,
      template_id: b.template_id,
      page: b.page ?? '',
      data: b.data,
      sentAt: new Date().toISOString(),
    });
    ctx.body = { errcode: 0, errmsg: 'ok' };
  });

  router.post('/wxa/getwxacodeunlimit', async (ctx) => {
    if (!validToken(ctx.query.access_token)) return void (ctx.body = { errcode: 40001, errmsg: 'invalid credential' });
    const b = (ctx.request.body ?? {}) as { scene?: string; page?: string; width?: number };
    if (!b.scene || !SCENE.test(b.scene))
      return void (ctx.body = { errcode: 40169, errmsg: 'invalid length for scene' });
    ctx.type = 'image/png';
    ctx.body = await QRCode.toBuffer(`${b.page ?? ''}?scene=${encodeURIComponent(b.scene)}`, {
      width: Math.min(1280, Math.max(280, b.width ?? 430)),
      margin: 1,
    });
  });

  // what the simulated WeChat delivered (tests and the demo look here)
  router.get('/messages', (ctx) => {
    const touser = ctx.query.touser;
    ctx.body = { items: messages.filter((m) => !touser || m.touser === touser) };
  });

  return router;
}

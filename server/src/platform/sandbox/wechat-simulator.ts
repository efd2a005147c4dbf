// The WeChat server API simulator (sandbox only): the same paths, parameters and error shapes as
// api.weixin.qq.com. A login code `sim_<name>` is accepted as openid `<name>` (the same code, the same user);
// anything else is 40029 like an invalid code. Unknown appid/secret gives 40013/40125 as WeChat does.
import Router from '@koa/router';
import { randomToken } from '../../kernel/ids';

export interface WechatSimulatorOptions {
  appId: string;
  secret: string;
}

export const SIM_CODE = /^sim_([0-9A-Za-z_-]{1,64})$/;

export function wechatSimulator({ appId, secret }: WechatSimulatorOptions): Router {
  const router = new Router({ prefix: '/sandbox/wechat' });
  const tokens = new Map<string, number>(); // token → expiry (ms), to answer like the real stable_token

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

  return router;
}

// The Alipay gateway simulator (sandbox only): POST /sandbox/alipay/gateway.do like openapi.alipay.com. It checks
// the RSA2 request signature with our app's public key and answers
// {"<method>_response":{…},"sign":"…"} signed with its own key, as Alipay does. Auth codes `sim_<name>`
// are valid and map to user 2088<digits of name>.
import Router from '@koa/router';
import { createHash, createSign, createVerify } from 'node:crypto';
import type { AlipayTrades } from './alipay-trades';
import { SIM_CODE } from './wechat-simulator';

export interface AlipaySimulatorOptions {
  appId: string;
  appPublicKey: string;
  platformPrivateKey: string;
  trades: AlipayTrades;
}

export function alipayUserIdFor(name: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 14)}`)
    .toString()
    .padStart(12, '0');
  return `2088${digits.slice(0, 12)}`;
}

function signedResponse(method: string, payload: Record<string, unknown>, privateKey: string): string {
  const node = JSON.stringify(payload);
  const sign = createSign('RSA-SHA256').update(node, 'utf8').sign(privateKey, 'base64');
  return `{"${method.replaceAll('.', '_')}_response":${node},"sign":"${sign}"}`;
}

export function alipaySimulator(opts: AlipaySimulatorOptions): Router {
  const router = new Router({ prefix: '/sandbox/alipay' });

  router.post('/gateway.do', (ctx) => {
    const params: Record<string, string> = {
      ...(ctx.query as Record<string, string>),
      ...((ctx.request.body ?? {}) as Record<string, string>),
    };
    const method = params.method ?? '';
    ctx.type = 'application/json';
    const reply = (payload: Record<string, unknown>) =>
      (ctx.body = signedResponse(method, payload, opts.platformPrivateKey));

    const { sign, ...signed } = params;
    const content = Object.keys(signed)
      .sort()
      .map((k) => `${k}=${signed[k]}`)
      .join('&');
    const verified =
      !!sign && createVerify('RSA-SHA256').update(content, 'utf8').verify(opts.appPublicKey, sign, 'base64');
    if (params.app_id !== opts.appId) {
      return void reply({
        code: '40002',
        msg: 'Invalid Arguments',
        sub_code: 'isv.invalid-app-id',
        sub_msg: '无效的AppID参数',
      });
    }
    if (!verified) {
      return void reply({
        code: '40002',
        msg: 'Invalid Arguments',
        sub_code: 'isv.invalid-signature',
        sub_msg: '验签出错',
      });
    }

    let biz: Record<string, string> = {};
    try {
      biz = params.biz_content ? (JSON.parse(params.biz_content) as Record<string, string>) : {};
    } catch {
      return void reply({
        code: '40002',
        msg: 'Invalid Arguments',
        sub_code: 'isv.invalid-biz-content',
        sub_msg: 'biz_content 不是 JSON',
      });
    }
    const traded = opts.trades.handle(method, biz, params);
    if (traded) return void reply(traded);

    switch (method) {
      case 'alipay.system.oauth.token': {
        const m = params.grant_type === 'authorization_code' ? SIM_CODE.exec(params.code ?? '') : null;
        if (!m) {
          return void reply({
            code: '40002',
            msg: 'Invalid Arguments',
            sub_code: 'isv.code-invalid',
            sub_msg: '授权码code无效',
          });
        }
        const userId = alipayUserIdFor(m[1]!);
        return void reply({
          code: '10000',
          msg: 'Success',
          user_id: userId,
          open_id: `sim-open-${userId}`,
          access_token: `authbseB${createHash('md5').update(userId).digest('hex')}`,
          expires_in: 1296000,
          re_expires_in: 2592000,
          refresh_token: `authbseR${createHash('md5').update(`r${userId}`).digest('hex')}`,
          auth_start: new Date().toISOString().replace('T', ' ').slice(0, 19),
        });
      }
      default:
        return void reply({
          code: '40004',
          msg: 'Business Failed',
          sub_code: 'isv.invalid-method',
          sub_msg: `模拟器不支持 ${method}`,
        });
    }
  });

  // The simulated user confirms payment in the Alipay cashier (my.tradePay).
  router.post('/pay', (ctx) => {
    const tradeNo = String((ctx.request.body as Record<string, unknown> | undefined)?.tradeNo ?? '');
    const r = opts.trades.pay(tradeNo);
    ctx.status = r.ok ? 200 : 409;
    ctx.type = 'application/json';
    ctx.body = r.ok
      ? { tradeNo, outTradeNo: r.outTradeNo, tradeStatus: 'TRADE_SUCCESS' }
      : { error: { code: 'TRADE_NOT_PAYABLE', message: r.message } };
  });

  return router;
}

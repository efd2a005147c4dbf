// The WeChat Pay v3 simulator (sandbox only), mounted at /sandbox/wechatpay: the real API's paths under /v3,
// the same `Authorization` check (401 SIGN_ERROR otherwise), signed responses, and the simulated user's payment
// (`POST /sandbox/wechatpay/pay`) that triggers an encrypted, signed notification like WeChat's. Our client
// reaches it through wechatpay-node-v3 with only the host rewritten.
import Router from '@koa/router';
import type { Context, Next } from 'koa';
import { randomBytes, randomUUID } from 'node:crypto';
import { encryptResource, resourceNonce } from '../../wechatpay/aes-gcm';
import {
  isFresh,
  paySignMessage,
  parseAuthorization,
  rsaSign,
  rsaVerify,
  signatureMessage,
} from '../../wechatpay/signatures';
import type { Logger } from '../../logger';
import type { WechatPaySandboxKeys } from '../keys';
import { SimError, SimLedger, type SimRefund, type SimTransaction } from './ledger';
import { Notifier } from './notifier';

export const WECHATPAY_SIM_PREFIX = '/sandbox/wechatpay';

export interface WechatPaySimulator {
  router: Router;
  ledger: SimLedger;
  notifier: Notifier;
  close(): void;
}

type Body = Record<string, unknown>;

function transactionView(t: SimTransaction) {
  return {
    appid: t.appid,
    mchid: t.mchid,
    out_trade_no: t.out_trade_no,
    transaction_id: t.transaction_id,
    trade_type: 'JSAPI',
    trade_state: t.trade_state,
    trade_state_desc: t.trade_state === 'SUCCESS' ? '支付成功' : t.trade_state,
    bank_type: t.transaction_id ? 'OTHERS' : undefined,
    success_time: t.success_time,
    payer: { openid: t.openid },
    amount: {
      total: t.total,
      payer_total: t.transaction_id ? t.total : undefined,
      currency: 'CNY',
      payer_currency: 'CNY',
    },
  };
}

function refundView(r: SimRefund) {
  const { notify_url: _n, ...view } = r;
  return { ...view, channel: 'ORIGINAL', user_received_account: '支付用户零钱' };
}

export function wechatPaySimulator(opts: {
  appId: string;
  keys: WechatPaySandboxKeys;
  logger: Logger;
}): WechatPaySimulator {
  const { appId, keys, logger } = opts;
  const ledger = new SimLedger();
  const notifier = new Notifier(keys, logger);
  const router = new Router({ prefix: WECHATPAY_SIM_PREFIX });

  /** Checks our request signature exactly like WeChat Pay, then signs whatever the handler answers. */
  async function v3(ctx: Context, next: Next) {
    const auth = parseAuthorization(ctx.get('authorization'));
    const path = ctx.originalUrl.slice(WECHATPAY_SIM_PREFIX.length);
    const raw = ctx.method === 'GET' ? '' : ((ctx.request as { rawBody?: string }).rawBody ?? '');
    const valid =
      auth &&
      auth.mchid === keys.mchId &&
      auth.serial_no === keys.merchant.serialNo &&
      isFresh(auth.timestamp, Date.now()) &&
      rsaVerify(
        signatureMessage([ctx.method, path, auth.timestamp, auth.nonce_str, raw]),
        auth.signature,
        keys.merchant.publicKey,
      );
    if (!valid) {
      ctx.status = 401;
      ctx.body = { code: 'SIGN_ERROR', message: '签名错误，请检查后再试' };
    } else {
      try {
        await next();
      } catch (e) {
        if (!(e instanceof SimError)) throw e;
        ctx.status = e.status;
        ctx.body = { code: e.code, message: e.message };
      }
    }
    signResponse(ctx, path === '/v3/certificates' ? 'certificate' : 'public_key');
  }

  function signResponse(ctx: Context, mode: 'public_key' | 'certificate') {
    const text = ctx.body === undefined || ctx.body === null ? '' : JSON.stringify(ctx.body);
    const ts = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const key =
      mode === 'public_key'
        ? keys.publicKey
        : { privateKey: keys.platformCert.privateKey, id: keys.platformCert.serialNo };
    ctx.set('Request-ID', randomUUID());
    ctx.set('Wechatpay-Timestamp', ts);
    ctx.set('Wechatpay-Nonce', nonce);
    ctx.set('Wechatpay-Serial', key.id);
    ctx.set('Wechatpay-Signature', rsaSign(signatureMessage([ts, nonce, text]), key.privateKey));
    if (text) {
      ctx.type = 'application/json';
      ctx.body = text;
    }
  }

  const need = (ok: unknown, field: string) => {
    if (!ok) throw new SimError(400, 'PARAM_ERROR', `参数错误: ${field}`);
  };

  router.post('/v3/pay/transactions/jsapi', v3, (ctx) => {
    const b = ctx.request.body as Body;
    const amount = b.amount as { total?: unknown; currency?: unknown } | undefined;
    const payer = b.payer as { openid?: unknown } | undefined;
    need(b.appid === appId, 'appid');
    need(b.mchid === keys.mchId, 'mchid');
    need(typeof b.description === 'string' && b.description.length <= 127, 'description');
    need(typeof b.out_trade_no === 'string' && /^[0-9A-Za-z_\-*|]{6,32}$/.test(b.out_trade_no), 'out_trade_no');
    need(typeof b.notify_url === 'string' && !String(b.notify_url).includes('?'), 'notify_url');
    need(Number.isInteger(amount?.total) && (amount!.total as number) >= 1, 'amount.total');
    need(typeof payer?.openid === 'string', 'payer.openid');
    const trade = ledger.prepay({
      appid: appId,
      mchid: keys.mchId,
      out_trade_no: b.out_trade_no as string,
      description: b.description as string,
      notify_url: b.notify_url as string,
      total: amount!.total as number,
      openid: payer!.openid as string,
    });
    ctx.body = { prepay_id: trade.prepay_id };
  });

  router.get('/v3/pay/transactions/out-trade-no/:no', v3, (ctx) => {
    need(ctx.query.mchid === keys.mchId, 'mchid');
    ctx.body = transactionView(ledger.get(ctx.params.no!));
  });

  router.post('/v3/pay/transactions/out-trade-no/:no/close', v3, (ctx) => {
    need((ctx.request.body as Body).mchid === keys.mchId, 'mchid');
    ledger.close(ctx.params.no!);
    ctx.status = 204;
  });

  router.post('/v3/refund/domestic/refunds', v3, (ctx) => {
    const b = ctx.request.body as Body;
    const amount = b.amount as { refund?: number; total?: number } | undefined;
    need(typeof b.out_trade_no === 'string', 'out_trade_no');
    need(typeof b.out_refund_no === 'string' && String(b.out_refund_no).length <= 64, 'out_refund_no');
    need(Number.isInteger(amount?.refund) && Number.isInteger(amount?.total), 'amount');
    const refund = ledger.refund({
      out_trade_no: b.out_trade_no as string,
      out_refund_no: b.out_refund_no as string,
      refund: amount!.refund!,
      total: amount!.total!,
      notify_url: typeof b.notify_url === 'string' ? b.notify_url : undefined,
    });
    ctx.body = refundView(refund);
    if (refund.status === 'PROCESSING') settleLater(refund.out_refund_no);
  });

  router.get('/v3/refund/domestic/refunds/:no', v3, (ctx) => {
    ctx.body = refundView(ledger.getRefund(ctx.params.no!));
  });

  router.get('/v3/certificates', v3, (ctx) => {
    const nonce = resourceNonce();
    ctx.body = {
      data: [
        {
          serial_no: keys.platformCert.serialNo,
          effective_time: '2026-01-01T00:00:00+08:00',
          expire_time: '2031-01-01T00:00:00+08:00',
          encrypt_certificate: {
            algorithm: 'AEAD_AES_256_GCM',
            nonce,
            associated_data: 'certificate',
            ciphertext: encryptResource(keys.platformCert.certificate, keys.apiV3Key, nonce, 'certificate'),
          },
        },
      ],
    };
  });

  const settling = new Set<NodeJS.Timeout>();
  function settleLater(outRefundNo: string) {
    const timer = setTimeout(() => {
      settling.delete(timer);
      const r = ledger.settleRefund(outRefundNo);
      if (!r.notify_url) return;
      notifier.send({
        url: r.notify_url,
        eventType: 'REFUND.SUCCESS',
        summary: '退款成功',
        originalType: 'refund',
        resource: {
          mchid: keys.mchId,
          out_trade_no: r.out_trade_no,
          transaction_id: r.transaction_id,
          out_refund_no: r.out_refund_no,
          refund_id: r.refund_id,
          refund_status: 'SUCCESS',
          success_time: r.success_time,
          user_received_account: '支付用户零钱',
          amount: {
            total: r.amount.total,
            refund: r.amount.refund,
            payer_total: r.amount.total,
            payer_refund: r.amount.refund,
          },
        },
      });
    }, 300);
    timer.unref();
    settling.add(timer);
  }

  // The simulated user confirms payment in the WeChat cashier.
  router.post('/pay', (ctx) => {
    const b = (ctx.request.body ?? {}) as Body;
    try {
      if (typeof b.prepayId !== 'string') throw new SimError(400, 'PARAM_ERROR', 'prepayId 必填');
      const trade = ledger.byPrepayId(b.prepayId);
      if (b.paySign !== undefined) {
        const ok =
          typeof b.timeStamp === 'string' &&
          typeof b.nonceStr === 'string' &&
          typeof b.paySign === 'string' &&
          rsaVerify(
            paySignMessage(appId, b.timeStamp, b.nonceStr, `prepay_id=${trade.prepay_id}`),
            b.paySign,
            keys.merchant.publicKey,
          );
        if (!ok) throw new SimError(400, 'SIGN_ERROR', 'paySign 校验失败（需要同时提供 timeStamp 与 nonceStr）');
      }
      ledger.pay(trade);
      if (ledger.faults.dropNotifications > 0) ledger.faults.dropNotifications--;
      else
        notifier.send({
          url: trade.notify_url,
          eventType: 'TRANSACTION.SUCCESS',
          summary: '支付成功',
          originalType: 'transaction',
          resource: transactionView(trade),
        });
      ctx.body = { outTradeNo: trade.out_trade_no, transactionId: trade.transaction_id, tradeState: trade.trade_state };
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      ctx.status = e.status;
      ctx.body = { error: { code: e.code, message: e.message } };
    }
  });

  // Fault injection for tests and demos: lose notifications, fail refund calls.
  router.post('/faults', (ctx) => {
    const b = (ctx.request.body ?? {}) as Body;
    const n = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : undefined);
    ledger.faults.refundFailures = n(b.refundFailures) ?? ledger.faults.refundFailures;
    ledger.faults.dropNotifications = n(b.dropNotifications) ?? ledger.faults.dropNotifications;
    ctx.body = { ...ledger.faults };
  });

  return {
    router,
    ledger,
    notifier,
    close() {
      notifier.close();
      for (const t of settling) clearTimeout(t);
    },
  };
}

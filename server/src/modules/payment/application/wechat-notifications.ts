// WeChat Pay notifications (payment and refund): verified over the raw body with the key its serial names
// (probe, stale and forged requests refused before anything else), decrypted with our tag-checked AES-GCM,
// then applied idempotently. The answer is 204 (no body) on success, or 4xx/5xx {code:"FAIL"} so WeChat retries.
import { DecryptionError, decryptResource } from '../../../platform/wechatpay/aes-gcm';
import type { SignedHeaders } from '../../../platform/wechatpay/verifier';
import { applyConfirmedPayment } from './apply-payment';
import type { PaymentDeps } from './ports';
import { settleRefund } from './refunds';
import { parseSuccessTime } from './transaction-facts';

export interface NotificationReply {
  status: number;
  body?: { code: 'FAIL'; message: string };
}

const fail = (status: number, message = '失败'): NotificationReply => ({ status, body: { code: 'FAIL', message } });

interface Envelope {
  id?: string;
  event_type?: string;
  resource?: {
    original_type?: string;
    algorithm?: string;
    ciphertext?: string;
    associated_data?: string;
    nonce?: string;
  };
}

async function open(
  deps: PaymentDeps,
  headers: SignedHeaders,
  rawBody: string,
): Promise<
  { ok: true; envelope: Envelope; resource: Record<string, unknown> } | { ok: false; reply: NotificationReply }
> {
  const verdict = await deps.wechatPay.verifier.verify(headers, rawBody);
  if (!verdict.ok) {
    deps.logger.warn({ reason: verdict.reason, serial: headers.serial }, 'WeChat Pay notification refused');
    return { ok: false, reply: fail(401, `签名验证失败: ${verdict.reason}`) };
  }
  let envelope: Envelope;
  try {
    envelope = JSON.parse(rawBody) as Envelope;
  } catch {
    return { ok: false, reply: fail(400, '报文不是 JSON') };
  }
  const r = envelope.resource;
  if (!r?.ciphertext || !r.nonce || r.algorithm !== 'AEAD_AES_256_GCM')
    return { ok: false, reply: fail(400, '缺少加密资源') };
  try {
    const plain = decryptResource(r.ciphertext, deps.wechatPay.config.apiV3Key, r.nonce, r.associated_data ?? '');
    return { ok: true, envelope, resource: JSON.parse(plain) as Record<string, unknown> };
  } catch (err) {
    deps.logger.warn(
      { err: err instanceof DecryptionError ? err.message : err },
      'WeChat Pay notification did not decrypt',
    );
    return { ok: false, reply: fail(400, '解密失败') };
  }
}

export async function handlePaymentNotification(
  deps: PaymentDeps,
  headers: SignedHeaders,
  rawBody: string,
): Promise<NotificationReply> {
  const opened = await open(deps, headers, rawBody);
  if (!opened.ok) return opened.reply;
  const { envelope, resource: tx } = opened;
  if (envelope.event_type !== 'TRANSACTION.SUCCESS' || tx.trade_state !== 'SUCCESS') return { status: 204 };
  const amount = tx.amount as { total?: number } | undefined;
  if (tx.mchid !== deps.wechatPay.config.mchId || tx.appid !== deps.wechatPay.config.appId) {
    deps.logger.error({ mchid: tx.mchid, appid: tx.appid }, 'notification for another merchant or app');
    return fail(400, '商户号或 appid 不符');
  }
  const outcome = await applyConfirmedPayment(deps, {
    channel: 'wechat',
    outTradeNo: String(tx.out_trade_no),
    transactionId: String(tx.transaction_id),
    amountFen: Number(amount?.total),
    paidAt: parseSuccessTime(tx.success_time as string | undefined),
  });
  deps.logger.info({ eventId: envelope.id, outTradeNo: tx.out_trade_no, outcome }, 'WeChat Pay notification');
  if (outcome === 'unknown_trade') return fail(404, '订单不存在');
  if (outcome === 'amount_mismatch') return fail(400, '金额不符');
  return { status: 204 };
}

export async function handleRefundNotification(
  deps: PaymentDeps,
  headers: SignedHeaders,
  rawBody: string,
): Promise<NotificationReply> {
  const opened = await open(deps, headers, rawBody);
  if (!opened.ok) return opened.reply;
  const { envelope, resource } = opened;
  const outRefundNo = String(resource.out_refund_no ?? '');
  if (envelope.event_type === 'REFUND.SUCCESS' && resource.refund_status === 'SUCCESS') {
    const known = await deps.models.Refund.count({ where: { outRefundNo } });
    if (!known) return fail(404, '退款单不存在');
    await settleRefund(deps, outRefundNo, String(resource.refund_id ?? ''));
  } else {
    deps.logger.error({ outRefundNo, event: envelope.event_type }, 'refund did not succeed at WeChat Pay');
  }
  return { status: 204 };
}

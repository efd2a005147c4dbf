// Alipay's asynchronous notification: a form POST signed RSA2 over its sorted fields (checked by alipay-sdk),
// for our app id; TRADE_SUCCESS / TRADE_FINISHED is applied once. The answer is the plain text `success`
// (anything else makes Alipay retry).
import { parseShanghaiDateTime } from '../../../kernel/shanghai-time';
import { yuanToFenOrNaN as yuanToFen } from '../../../platform/alipay/alipay-client';
import { applyConfirmedPayment } from './apply-payment';
import type { PaymentDeps } from './ports';

export async function handleAlipayNotification(
  deps: PaymentDeps,
  form: Record<string, string>,
): Promise<{ status: number; body: 'success' | 'fail' }> {
  if (!deps.alipay.verifyNotification(form)) {
    deps.logger.warn({ notifyId: form.notify_id }, 'Alipay notification refused: bad signature');
    return { status: 400, body: 'fail' };
  }
  if (form.app_id !== deps.alipay.appId) return { status: 400, body: 'fail' };
  if (form.trade_status !== 'TRADE_SUCCESS' && form.trade_status !== 'TRADE_FINISHED')
    return { status: 200, body: 'success' };
  const outcome = await applyConfirmedPayment(deps, {
    channel: 'alipay',
    outTradeNo: String(form.out_trade_no),
    transactionId: String(form.trade_no),
    amountFen: yuanToFen(String(form.total_amount ?? '')),
    paidAt: form.gmt_payment ? parseShanghaiDateTime(form.gmt_payment) : new Date(),
  });
  deps.logger.info({ outTradeNo: form.out_trade_no, outcome }, 'Alipay notification');
  if (outcome === 'unknown_trade' || outcome === 'amount_mismatch') return { status: 400, body: 'fail' };
  return { status: 200, body: 'success' };
}

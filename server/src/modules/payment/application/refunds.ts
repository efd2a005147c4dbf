// Refunds: recorded in the transaction that decides them (with the outbox message that submits them), then
// submitted to the channel by the worker, retried until the channel confirms, settled once by whichever comes
// first: the channel's answer, its notification or the confirmation query. Never more than was paid.
import { Op, type Transaction } from 'sequelize';
import { AppError, conflict } from '../../../kernel/errors';
import { inTransaction } from '../../../platform/db/transaction';
import { checkRefund, refundableFen, refundNo } from '../domain/refund-rules';
import type { PaymentAttrs } from '../persistence/models';
import { gatewayFor, type RefundAnswer } from './channels';
import type { PaymentDeps } from './ports';

export const REFUND_SUBMIT = 'refund.submit';
export const REFUND_CONFIRM = 'refund.confirm';

export type RefundReason = 'late_payment' | 'duplicate_payment' | 'group_failed' | 'after_sale' | 'operator';

/**
 * Records a refund of `amountFen` against a paid payment, inside the caller's transaction (which must hold the
 * payment row lock: see `lockPayment`). Throws REFUND_EXCEEDS_PAID rather than promise back more than was paid.
 */
export async function requestRefund(
  deps: PaymentDeps,
  t: Transaction,
  payment: PaymentAttrs,
  r: { amountFen: number; reason: RefundReason; note?: string },
): Promise<{ refundId: number; outRefundNo: string }> {
  const existing = await deps.models.Refund.findAll({ where: { paymentId: payment.id }, transaction: t });
  const lines = existing.map((x) => ({ amountFen: x.getDataValue('amountFen'), status: x.getDataValue('status') }));
  const check = checkRefund(payment.paidFen, lines, r.amountFen);
  if (!check.ok) {
    throw conflict('REFUND_EXCEEDS_PAID', '退款金额超过可退金额', {
      reason: check.reason,
      refundableFen: check.refundableFen,
    });
  }
  const outRefundNo = refundNo(payment.outTradeNo, existing.length + 1);
  const refund = await deps.models.Refund.create(
    {
      orderId: payment.orderId,
      paymentId: payment.id,
      outRefundNo,
      amountFen: r.amountFen,
      reason: r.reason,
      note: r.note ?? '',
      status: 'pending',
      channelRefundId: null,
      lastError: null,
      succeededAt: null,
    },
    { transaction: t },
  );
  const refundId = refund.getDataValue('id');
  await deps.outbox.enqueue(t, REFUND_SUBMIT, { refundId }, { dedupeKey: `${REFUND_SUBMIT}:${refundId}` });
  return { refundId, outRefundNo };
}

export async function lockPayment(deps: PaymentDeps, t: Transaction, where: Partial<PaymentAttrs>) {
  const row = await deps.models.Payment.findOne({
    where,
    transaction: t,
    lock: deps.db.rowLocks ? t.LOCK.UPDATE : undefined,
  });
  return row?.get({ plain: true });
}

/** Refunds part or all of an order's payment (group failure, after-sales), in the caller's transaction. */
export async function refundOrder(
  deps: PaymentDeps,
  t: Transaction,
  orderId: number,
  r: { amountFen: number; reason: RefundReason; note?: string },
) {
  const payment = await lockPayment(deps, t, { orderId, status: 'paid' });
  if (!payment) throw new AppError('conflict', 'ORDER_NOT_PAID', '订单没有可退款的支付');
  return requestRefund(deps, t, payment, r);
}

/** What is left to refund on the order's paid payment, under the payment's row lock (0 if nothing was paid). */
export async function refundableFenOf(deps: PaymentDeps, orderId: number, t: Transaction): Promise<number> {
  const payment = await lockPayment(deps, t, { orderId, status: 'paid' });
  if (!payment) return 0;
  const refunds = await deps.models.Refund.findAll({ where: { paymentId: payment.id }, transaction: t });
  return refundableFen(
    payment.paidFen,
    refunds.map((x) => ({ amountFen: x.getDataValue('amountFen'), status: x.getDataValue('status') })),
  );
}

export async function refundStatuses(deps: PaymentDeps, ids: number[]) {
  const rows = ids.length ? await deps.models.Refund.findAll({ where: { id: ids } }) : [];
  return new Map(rows.map((r) => [r.getDataValue('id'), r.getDataValue('status')]));
}

/** Outbox handler: hand the refund to its channel (idempotent by out_refund_no). Throws to be retried. */
export async function submitRefund(deps: PaymentDeps, refundId: number): Promise<void> {
  const refund = await deps.models.Refund.findByPk(refundId);
  if (!refund) return;
  const r = refund.get({ plain: true });
  if (r.status === 'succeeded' || r.status === 'failed') return;
  const payment = (await deps.models.Payment.findByPk(r.paymentId))!.get({ plain: true });
  const answer = await gatewayFor(deps, payment.channel).refund({
    outTradeNo: payment.outTradeNo,
    outRefundNo: r.outRefundNo,
    amountFen: r.amountFen,
    totalFen: payment.paidFen,
    reason: r.reason,
  });
  await followUp(deps, r.id, r.outRefundNo, answer);
  if (answer.kind === 'processing') {
    // the notification normally settles it; this confirmation query is the fallback if it never comes
    await inTransaction(deps.sequelize, deps.db, (t) =>
      deps.outbox.enqueue(
        t,
        REFUND_CONFIRM,
        { refundId },
        { dedupeKey: `${REFUND_CONFIRM}:${refundId}`, delayMs: 5000 },
      ),
    );
  }
}

/** Outbox handler: ask the channel until the refund is final. */
export async function confirmRefund(deps: PaymentDeps, refundId: number): Promise<void> {
  const refund = await deps.models.Refund.findByPk(refundId);
  if (!refund) return;
  const r = refund.get({ plain: true });
  if (r.status === 'succeeded' || r.status === 'failed') return;
  const payment = (await deps.models.Payment.findByPk(r.paymentId))!.get({ plain: true });
  const answer = await gatewayFor(deps, payment.channel).queryRefund({
    outTradeNo: payment.outTradeNo,
    outRefundNo: r.outRefundNo,
  });
  await followUp(deps, r.id, r.outRefundNo, answer);
  if (answer.kind === 'processing') throw new Error(`refund ${r.outRefundNo} still processing`);
}

async function followUp(deps: PaymentDeps, id: number, outRefundNo: string, answer: RefundAnswer) {
  switch (answer.kind) {
    case 'succeeded':
      return settleRefund(deps, outRefundNo, answer.channelRefundId);
    case 'failed':
      return failRefund(deps, outRefundNo, answer.reason);
    case 'processing':
      await deps.models.Refund.update(
        { status: 'processing', channelRefundId: answer.channelRefundId ?? null, lastError: null },
        { where: { id, status: 'pending' } },
      );
      return;
    case 'retry':
      await deps.models.Refund.update({ lastError: answer.reason.slice(0, 500) }, { where: { id } });
      throw new Error(`refund ${outRefundNo} failed for now: ${answer.reason}`);
  }
}

/** The refund reached the payer: applied once, whoever reports it first. */
export async function settleRefund(deps: PaymentDeps, outRefundNo: string, channelRefundId?: string): Promise<void> {
  await inTransaction(deps.sequelize, deps.db, async (t) => {
    const refund = await deps.models.Refund.findOne({
      where: { outRefundNo },
      transaction: t,
      lock: deps.db.rowLocks ? t.LOCK.UPDATE : undefined,
    });
    if (!refund) throw new Error(`unknown refund ${outRefundNo}`);
    const r = refund.get({ plain: true });
    if (r.status === 'succeeded') return;
    const [moved] = await deps.models.Refund.update(
      {
        status: 'succeeded',
        succeededAt: deps.clock.now(),
        channelRefundId: channelRefundId ?? r.channelRefundId,
        lastError: null,
      },
      { where: { id: r.id, status: { [Op.in]: ['pending', 'processing'] } }, transaction: t },
    );
    if (moved !== 1) return;
    const refundedFen = await deps.models.Refund.sum('amountFen', {
      where: { orderId: r.orderId, status: 'succeeded' },
      transaction: t,
    });
    await deps.orders.refundSettled(
      r.orderId,
      Number(refundedFen ?? 0),
      { amountFen: r.amountFen, reason: r.reason },
      t,
    );
    for (const listener of deps.refundListeners) await listener(r.id, t);
    deps.logger.info({ outRefundNo, orderId: r.orderId, amountFen: r.amountFen }, 'refund settled');
  });
}

export async function failRefund(deps: PaymentDeps, outRefundNo: string, reason: string): Promise<void> {
  await deps.models.Refund.update(
    { status: 'failed', lastError: reason.slice(0, 500) },
    { where: { outRefundNo, status: { [Op.in]: ['pending', 'processing'] } } },
  );
  deps.logger.error({ outRefundNo, reason }, 'refund failed at the channel: needs an operator');
}

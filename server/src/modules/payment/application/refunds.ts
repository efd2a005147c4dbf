// Refunds: recorded in the transaction that decides them (with the outbox message that submits them), then
// submitted to the channel by the worker, retried until the channel confirms, settled once by whichever comes
// first: the channel's answer, its notification or the confirmation query. Never more than was paid.
import type { Transaction } from 'sequelize';
import { inTransaction } from '../../../platform/db/transaction';
import { moveStatus } from '../../../platform/db/status-move';
import { REFUND_LIFECYCLE, type RefundStatus } from '../domain/lifecycle';
import { PaymentErrors } from '../errors';
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
    throw PaymentErrors.REFUND_EXCEEDS_PAID({ reason: check.reason, refundableFen: check.refundableFen });
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
  if (!payment) throw PaymentErrors.ORDER_NOT_PAID();
  return requestRefund(deps, t, payment, r);
}

/** What is left to refund on the order's paid payment, under the payment's row lock (0 if nothing was paid). */
export async function refundableFenOf(deps: PaymentDeps, t: Transaction, orderId: number): Promise<number> {
  const payment = await lockPayment(deps, t, { orderId, status: 'paid' });
  if (!payment) return 0;
  const refunds = await deps.models.Refund.findAll({ where: { paymentId: payment.id }, transaction: t });
  return refundableFen(
    payment.paidFen,
    refunds.map((x) => ({ amountFen: x.getDataValue('amountFen'), status: x.getDataValue('status') })),
  );
}

export async function refundStatuses(deps: PaymentDeps, ids: number[]): Promise<Map<number, RefundStatus>> {
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
      await inTransaction(deps.sequelize, deps.db, (t) =>
        moveStatus(t, deps.models.Refund, REFUND_LIFECYCLE, { id }, 'pending', 'processing', {
          channelRefundId: answer.channelRefundId ?? null,
          lastError: null,
        }),
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
    const moved = await moveStatus(t, deps.models.Refund, REFUND_LIFECYCLE, { id: r.id }, r.status, 'succeeded', {
      succeededAt: deps.clock.now(),
      channelRefundId: channelRefundId ?? r.channelRefundId,
      lastError: null,
    });
    if (moved !== 1) return;
    const refundedFen = await deps.models.Refund.sum('amountFen', {
      where: { orderId: r.orderId, status: 'succeeded' },
      transaction: t,
    });
    await deps.orders.refundSettled(t, r.orderId, Number(refundedFen ?? 0), {
      amountFen: r.amountFen,
      reason: r.reason,
    });
    await deps.events.publish(
      t,
      'refund.settled',
      { refundId: r.id, orderId: r.orderId, amountFen: r.amountFen, reason: r.reason as RefundReason },
      String(r.id),
    );
    deps.logger.info({ outRefundNo, orderId: r.orderId, amountFen: r.amountFen }, 'refund settled');
  });
}

export async function failRefund(deps: PaymentDeps, outRefundNo: string, reason: string): Promise<void> {
  await inTransaction(deps.sequelize, deps.db, (t) =>
    moveStatus(t, deps.models.Refund, REFUND_LIFECYCLE, { outRefundNo }, ['pending', 'processing'], 'failed', {
      lastError: reason.slice(0, 500),
    }),
  );
  deps.logger.error({ outRefundNo, reason }, 'refund failed at the channel: needs an operator');
}

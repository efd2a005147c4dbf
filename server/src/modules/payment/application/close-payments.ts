// Before an unpaid order is cancelled, its channel orders are closed, so nobody can pay it afterwards. An order
// the channel never saw counts as closed. If the channel says it was paid meanwhile, the payment is applied
// instead and the caller must not cancel.
//
// Each payment is closed under its row lock, which starting a payment also holds while it talks to the channel
// (start-payment.ts): a prepay and a close never interleave, so a payment row is `closed` only when the channel
// closed it after its last prepay, and a prepay that comes later finds the row closed and is refused.
import { Op, type Transaction } from 'sequelize';
import { inTransaction } from '../../../platform/db/transaction';
import { moveStatus } from '../../../platform/db/status-move';
import { PAYMENT_LIFECYCLE } from '../domain/lifecycle';
import { applyConfirmedPayment, applyConfirmedPaymentIn } from './apply-payment';
import { gatewayFor } from './channels';
import type { PaymentDeps } from './ports';
import { lockPayment } from './refunds';

export type CloseOutcome = 'closed' | 'paid' | 'unavailable';

export async function closeOpenPayments(deps: PaymentDeps, orderId: number): Promise<CloseOutcome> {
  const open = await deps.models.Payment.findAll({ where: { orderId, status: 'created' }, attributes: ['id'] });
  for (const row of open) {
    const id = row.getDataValue('id');
    const outcome = await inTransaction(deps.sequelize, deps.db, async (t): Promise<CloseOutcome> => {
      const p = await lockPayment(deps, t, { id });
      if (!p || p.status !== 'created') return p?.status === 'paid' ? 'paid' : 'closed';
      const res = await gatewayFor(deps, p.channel).close(p.outTradeNo);
      if (res.kind === 'unavailable') return 'unavailable';
      if (res.kind === 'paid') {
        await applyConfirmedPaymentIn(deps, t, res.payment);
        return 'paid';
      }
      await moveStatus(t, deps.models.Payment, PAYMENT_LIFECYCLE, { id }, 'created', 'closed', {
        closedAt: new Date(),
      });
      return 'closed';
    });
    if (outcome === 'unavailable')
      deps.logger.warn({ orderId, paymentId: id }, 'could not close the channel order; not cancelling yet');
    if (outcome !== 'closed') return outcome;
  }
  return 'closed';
}

/** How many of the order's payments are open at a channel (`created`), read in the caller's transaction. */
export async function openPaymentCount(deps: PaymentDeps, t: Transaction, orderId: number): Promise<number> {
  return deps.models.Payment.count({ where: { orderId, status: 'created' }, transaction: t });
}

/** The payment-query job: ask the channel about prepaid orders whose notification has not come after a minute. */
export async function syncUnconfirmedPayments(deps: PaymentDeps): Promise<{ checked: number; applied: number }> {
  const due = await deps.models.Payment.findAll({
    where: { status: 'created', preparedAt: { [Op.lte]: new Date(deps.clock.now().getTime() - 60_000) } },
    order: [['id', 'ASC']],
    limit: 200,
  });
  let applied = 0;
  for (const row of due) {
    const p = row.get({ plain: true });
    const paid = await gatewayFor(deps, p.channel).query(p.outTradeNo);
    if (!paid) continue;
    const outcome = await applyConfirmedPayment(deps, paid);
    if (outcome === 'applied' || outcome === 'refunded_late') applied++;
  }
  return { checked: due.length, applied };
}

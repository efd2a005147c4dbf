// Before an unpaid order is cancelled, its channel orders are closed, so nobody can pay it afterwards. An order
// the channel never saw counts as closed. If the channel says it was paid meanwhile, the payment is applied
// instead and the caller must not cancel.
import { Op } from 'sequelize';
import { applyConfirmedPayment } from './apply-payment';
import { gatewayFor } from './channels';
import type { PaymentDeps } from './ports';

export type CloseOutcome = 'closed' | 'paid' | 'unavailable';

export async function closeOpenPayments(deps: PaymentDeps, orderId: number): Promise<CloseOutcome> {
  const open = await deps.models.Payment.findAll({ where: { orderId, status: 'created' } });
  for (const row of open) {
    const p = row.get({ plain: true });
    const res = await gatewayFor(deps, p.channel).close(p.outTradeNo);
    if (res.kind === 'paid') {
      await applyConfirmedPayment(deps, res.payment);
      return 'paid';
    }
    if (res.kind === 'unavailable') {
      deps.logger.warn({ orderId, channel: p.channel }, 'could not close the channel order; not cancelling yet');
      return 'unavailable';
    }
    await deps.models.Payment.update(
      { status: 'closed', closedAt: new Date() },
      { where: { id: p.id, status: 'created' } },
    );
  }
  return 'closed';
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

import type { z } from 'zod';
import type { OrderPayments } from '../../../contracts/payment';
import type { PaymentDeps } from './ports';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** Payments and refunds of one order (the caller has checked who may see the order). */
export async function paymentsOfOrder(deps: PaymentDeps, orderId: number): Promise<z.input<typeof OrderPayments>> {
  const [payments, refunds] = await Promise.all([
    deps.models.Payment.findAll({ where: { orderId }, order: [['id', 'ASC']] }),
    deps.models.Refund.findAll({ where: { orderId }, order: [['id', 'ASC']] }),
  ]);
  return {
    payments: payments.map((row) => {
      const p = row.get({ plain: true });
      return {
        channel: p.channel,
        status: p.status,
        amountFen: p.amountFen,
        paidFen: p.paidFen ?? 0,
        transactionId: p.transactionId ?? null,
        paidAt: iso(p.paidAt),
      };
    }),
    refunds: refunds.map((row) => {
      const r = row.get({ plain: true });
      return {
        id: r.id,
        outRefundNo: r.outRefundNo,
        amountFen: r.amountFen,
        reason: r.reason,
        status: r.status,
        createdAt: iso(r.createdAt)!,
        succeededAt: iso(r.succeededAt),
      };
    }),
  };
}

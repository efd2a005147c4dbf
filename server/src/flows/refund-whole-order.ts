// A whole-order refund spans two modules: the order enters `refunding` (remembering where it was) and the
// payment records a refund of everything still refundable, with its outbox message, in the same transaction.
import type { Transaction } from 'sequelize';
import { beginRefund, type OrderDeps } from '../modules/order';
import { refundableFenOf, refundOrder, type PaymentDeps, type RefundReason } from '../modules/payment';

export async function refundWholeOrder(
  orderDeps: OrderDeps,
  paymentDeps: PaymentDeps,
  t: Transaction,
  orderId: number,
  reason: RefundReason,
  note = '',
): Promise<{ amountFen: number }> {
  const order = await orderDeps.models.Order.findByPk(orderId, {
    transaction: t,
    lock: orderDeps.db.rowLocks ? t.LOCK.UPDATE : undefined,
  });
  if (!order || order.getDataValue('status') === 'refunded') return { amountFen: 0 };
  const amountFen = await refundableFenOf(paymentDeps, orderId, t);
  if (amountFen < 1) return { amountFen: 0 };
  await beginRefund(orderDeps, orderId, t);
  await refundOrder(paymentDeps, t, orderId, { amountFen, reason, note });
  return { amountFen };
}

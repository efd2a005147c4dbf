// A whole-order refund spans two modules: the order enters `refunding` (remembering where it was) and the
// payment records a refund of everything still refundable, with its outbox message, in the same transaction.
// Written against the modules' public APIs only (group buy and after-sales call it with their ports).
import type { Transaction } from 'sequelize';
import type { OrderApi } from '../modules/order';
import type { PaymentApi, RefundReason } from '../modules/payment';

export interface RefundWholeOrderPorts {
  orders: Pick<OrderApi, 'lockFacts' | 'beginRefund'>;
  payments: Pick<PaymentApi, 'refundableFen' | 'refundOrder'>;
}

export async function refundWholeOrder(
  ports: RefundWholeOrderPorts,
  t: Transaction,
  orderId: number,
  reason: RefundReason,
  note = '',
): Promise<{ amountFen: number }> {
  const order = await ports.orders.lockFacts(t, orderId);
  if (order.status === 'refunded') return { amountFen: 0 };
  const amountFen = await ports.payments.refundableFen(t, orderId);
  if (amountFen < 1) return { amountFen: 0 };
  await ports.orders.beginRefund(t, orderId);
  await ports.payments.refundOrder(t, orderId, { amountFen, reason, note });
  return { amountFen };
}

// The order's side of after-sales: facts under the row lock, entering `refunding` (remembering where it was),
// and going back when a request ends without refunding everything.
import type { Transaction } from 'sequelize';
import type { OrderStatus } from '../domain/lifecycle';
import { OrderErrors } from '../errors';
import { kindPolicy, type OrderDeps } from './ports';
import { lockOrderRow, moveOrder } from './transitions';

export async function lockOrderFacts(deps: OrderDeps, t: Transaction, orderId: number, userId?: number) {
  const o = await lockOrderRow(deps, t, orderId, userId);
  const items = await deps.models.OrderItem.findAll({ where: { orderId }, order: [['id', 'ASC']], transaction: t });
  return {
    id: o.id,
    orderNo: o.orderNo,
    userId: o.userId,
    kind: o.kind,
    /** the kind keeps its own stock: units of an unshipped refund go back to it (on order.refunded), not the SKU */
    ownStock: kindPolicy(deps, o.kind)?.ownStock ?? false,
    shipped: Boolean(o.shippedAt),
    status: o.status,
    paidFen: o.paidFen ?? 0,
    completedAt: o.completedAt ? new Date(o.completedAt) : null,
    items: items.map((i) => ({
      id: i.getDataValue('id'),
      skuId: i.getDataValue('skuId'),
      unitPriceFen: i.getDataValue('unitPriceFen'),
      quantity: i.getDataValue('quantity'),
    })),
  };
}

/** Call with the order row locked. */
export async function beginRefund(deps: OrderDeps, t: Transaction, orderId: number) {
  const order = (await deps.models.Order.findByPk(orderId, { transaction: t }))!.get({ plain: true });
  if (order.status === 'refunding') return;
  const moved = await moveOrder(deps, t, orderId, order.status, 'refunding', { statusBeforeRefund: order.status });
  if (!moved) throw OrderErrors.ORDER_STATE_INVALID(undefined, '订单状态已变化，请刷新');
}

/** Back to the status before the refund (an after-sale rejected, cancelled, or a partial refund done). */
export async function endRefund(deps: OrderDeps, t: Transaction, orderId: number) {
  const order = (await deps.models.Order.findByPk(orderId, { transaction: t }))!.get({ plain: true });
  if (order.status !== 'refunding' || !order.statusBeforeRefund) return;
  await moveOrder(deps, t, orderId, 'refunding', order.statusBeforeRefund as OrderStatus, {
    statusBeforeRefund: null,
  });
}

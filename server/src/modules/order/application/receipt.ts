// Receipt: the user confirms it, or the auto-confirm job does it 7 days (business clock) after shipping.
import { Op } from 'sequelize';
import { inTransaction } from '../../../platform/db/transaction';
import { OrderErrors } from '../errors';
import { orderSettings, type OrderDeps } from './ports';
import { eventBase, lockOrderRow, moveOrder } from './transitions';

export async function confirmReceipt(
  deps: OrderDeps,
  orderId: number,
  userId?: number,
): Promise<{ status: 'completed' }> {
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const order = await lockOrderRow(deps, t, orderId, userId);
    const status = order.status;
    if (status === 'completed') return { status };
    if (status !== 'shipped') throw OrderErrors.ORDER_STATE_INVALID({ status }, '只有已发货的订单可以确认收货');
    await moveOrder(deps, t, orderId, 'shipped', 'completed', { completedAt: deps.clock.now() });
    await deps.events.publish(t, 'order.completed', eventBase(order), String(orderId));
    return { status: 'completed' as const };
  });
}

export async function autoConfirmShipped(deps: OrderDeps, now: Date): Promise<{ completed: number }> {
  const { autoConfirmMs } = await orderSettings(deps, undefined);
  const due = await deps.models.Order.findAll({
    where: { status: 'shipped', shippedAt: { [Op.lte]: new Date(now.getTime() - autoConfirmMs) } },
    attributes: ['id'],
    order: [['id', 'ASC']],
    limit: 500,
  });
  let completed = 0;
  for (const o of due) {
    try {
      await confirmReceipt(deps, o.getDataValue('id'));
      completed++;
    } catch (err) {
      deps.logger.warn({ err, orderId: o.getDataValue('id') }, 'could not auto-confirm an order');
    }
  }
  return { completed };
}

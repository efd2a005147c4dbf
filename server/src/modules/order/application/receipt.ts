// Receipt: the user confirms it, or the auto-confirm job does it 7 days (business clock) after shipping.
import { Op } from 'sequelize';
import { conflict } from '../../../kernel/errors';
import { inTransaction } from '../../../platform/db/transaction';
import { orderSettings, type OrderDeps } from './ports';
import { lockOrderRow, moveOrder } from './transitions';

export async function confirmReceipt(
  deps: OrderDeps,
  orderId: number,
  userId?: number,
): Promise<{ status: 'completed' }> {
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const order = await lockOrderRow(deps, t, orderId, userId);
    const status = order.getDataValue('status');
    if (status === 'completed') return { status };
    if (status !== 'shipped') throw conflict('ORDER_STATE_INVALID', '只有已发货的订单可以确认收货', { status });
    await moveOrder(deps, orderId, 'shipped', 'completed', { completedAt: deps.clock.now() }, t);
    return { status: 'completed' as const };
  });
}

export async function autoConfirmShipped(deps: OrderDeps, now: Date): Promise<{ completed: number }> {
  const { autoConfirmMs } = await orderSettings(deps);
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

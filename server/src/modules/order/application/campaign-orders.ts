// Order queries and moves that marketing modules need for their orders (through the composition root).
import { Op, type Transaction } from 'sequelize';
import type { OrderDeps } from './ports';

/** awaiting_group → to_ship for each order still waiting (a conditional update: never twice). */
export async function releaseAwaiting(deps: OrderDeps, orderIds: number[], t: Transaction): Promise<void> {
  if (!orderIds.length) return;
  await deps.models.Order.update(
    { status: 'to_ship' },
    { where: { id: { [Op.in]: orderIds }, status: 'awaiting_group' }, transaction: t },
  );
}

export async function hasPaidOrder(deps: OrderDeps, userId: number, t?: Transaction): Promise<boolean> {
  return (await deps.models.Order.count({ where: { userId, paidFen: { [Op.gt]: 0 } }, transaction: t })) > 0;
}

export async function orderStatuses(deps: OrderDeps, ids: number[]): Promise<Map<number, string>> {
  const rows = ids.length
    ? await deps.models.Order.findAll({ where: { id: { [Op.in]: ids } }, attributes: ['id', 'status'] })
    : [];
  return new Map(rows.map((r) => [r.getDataValue('id'), r.getDataValue('status')]));
}

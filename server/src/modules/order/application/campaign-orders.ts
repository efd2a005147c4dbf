// Order queries and moves that marketing modules need for their orders (through the order module's API).
import { Op, type Transaction } from 'sequelize';
import type { OrderDeps } from './ports';
import { moveOrder } from './transitions';

/** awaiting_group → to_ship for each order still waiting (conditional moves: never twice). */
export async function releaseAwaiting(deps: OrderDeps, t: Transaction, orderIds: number[]): Promise<void> {
  for (const id of [...orderIds].sort((a, b) => a - b)) await moveOrder(deps, t, id, 'awaiting_group', 'to_ship');
}

export async function hasPaidOrder(deps: OrderDeps, t: Transaction | undefined, userId: number): Promise<boolean> {
  return (await deps.models.Order.count({ where: { userId, paidFen: { [Op.gt]: 0 } }, transaction: t })) > 0;
}

export async function orderStatuses(deps: OrderDeps, ids: number[]): Promise<Map<number, string>> {
  const rows = ids.length
    ? await deps.models.Order.findAll({ where: { id: { [Op.in]: ids } }, attributes: ['id', 'status'] })
    : [];
  return new Map(rows.map((r) => [r.getDataValue('id'), r.getDataValue('status')]));
}

// Order lists: a consumer's own orders by status, and the operators' filtered list.
import type { WhereOptions } from 'sequelize';
import type { z } from 'zod';
import type { AdminOrderList, AdminOrderListQuery, OrderList, OrderListQuery } from '../../../contracts/order';
import type { OrderAttrs } from '../persistence/models';
import type { OrderDeps } from './ports';
import { pageWindow } from '../../../kernel/paging';

async function listWhere(
  deps: OrderDeps,
  where: WhereOptions<OrderAttrs>,
  page: number,
  pageSize: number,
): Promise<z.input<typeof OrderList>> {
  const { rows, count } = await deps.models.Order.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    ...pageWindow({ page, pageSize }),
  });
  const ids = rows.map((r) => r.getDataValue('id'));
  const items = ids.length
    ? await deps.models.OrderItem.findAll({ where: { orderId: ids }, order: [['id', 'ASC']] })
    : [];
  const byOrder = new Map<number, { title: string; image: string | null; count: number }>();
  for (const i of items) {
    const key = i.getDataValue('orderId');
    const seen = byOrder.get(key);
    if (seen) seen.count += i.getDataValue('quantity');
    else
      byOrder.set(key, {
        title: i.getDataValue('title'),
        image: i.getDataValue('image') ?? null,
        count: i.getDataValue('quantity'),
      });
  }
  return {
    total: count,
    items: rows.map((row) => {
      const o = row.get({ plain: true });
      const first = byOrder.get(o.id);
      return {
        id: o.id,
        orderNo: o.orderNo,
        userId: o.userId,
        status: o.status,
        payableFen: o.payableFen,
        paidFen: o.paidFen ?? 0,
        itemCount: first?.count ?? 0,
        firstItem: first ? { title: first.title, image: first.image } : null,
        createdAt: new Date(o.createdAt).toISOString(),
      };
    }),
  };
}

export function listOwnOrders(deps: OrderDeps, userId: number, q: z.output<typeof OrderListQuery>) {
  return listWhere(deps, { userId, ...(q.status ? { status: q.status } : {}) }, q.page, q.pageSize);
}

/** The operators' list: each order names its buyer by nickname and masked phone (masked by identity). */
export async function listAllOrders(
  deps: OrderDeps,
  q: z.output<typeof AdminOrderListQuery>,
): Promise<z.input<typeof AdminOrderList>> {
  const where: WhereOptions<OrderAttrs> = {
    ...(q.status ? { status: q.status } : {}),
    ...(q.orderNo ? { orderNo: q.orderNo } : {}),
    ...(q.userId ? { userId: q.userId } : {}),
  };
  const list = await listWhere(deps, where, q.page, q.pageSize);
  const buyers = await deps.buyers.buyerLabels([...new Set(list.items.map((o) => o.userId))]);
  return { ...list, items: list.items.map((o) => ({ ...o, buyer: buyers.get(o.userId) ?? null })) };
}

import type { Order } from '../../../contracts/order';
import { OrderErrors } from '../errors';
import type { OrderAttrs, OrderItemAttrs } from '../persistence/models';
import type { OrderDeps } from './ports';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toOrderView(o: OrderAttrs, items: OrderItemAttrs[]): Order {
  return {
    id: o.id,
    orderNo: o.orderNo,
    status: o.status,
    itemsTotalFen: o.itemsTotalFen,
    discountFen: o.discountFen,
    shippingFen: o.shippingFen,
    payableFen: o.payableFen,
    paidFen: o.paidFen ?? 0,
    items: items.map((i) => ({
      id: i.id,
      skuId: i.skuId,
      productId: i.productId,
      title: i.title,
      specs: JSON.parse(i.specsJson) as Record<string, string>,
      image: i.image,
      unitPriceFen: i.unitPriceFen,
      quantity: i.quantity,
      lineTotalFen: i.lineTotalFen,
    })),
    address: JSON.parse(o.addressJson) as Order['address'],
    remark: o.remark,
    payDeadline: new Date(o.payDeadline).toISOString(),
    createdAt: new Date(o.createdAt).toISOString(),
    paidAt: iso(o.paidAt),
    carrier: o.carrier ?? null,
    trackingNo: o.trackingNo ?? null,
    shippedAt: iso(o.shippedAt),
    completedAt: iso(o.completedAt),
    cancelledAt: iso(o.cancelledAt),
  };
}

/** A consumer's own order; another user's order is a 404, exactly like a missing one. */
export async function getOwnOrder(deps: OrderDeps, userId: number, id: number): Promise<Order> {
  const order = await deps.models.Order.findOne({ where: { id, userId } });
  if (!order) throw OrderErrors.ORDER_NOT_FOUND();
  const items = await deps.models.OrderItem.findAll({ where: { orderId: id }, order: [['id', 'ASC']] });
  return toOrderView(
    order.get({ plain: true }),
    items.map((i) => i.get({ plain: true })),
  );
}

export async function getAnyOrder(deps: OrderDeps, id: number): Promise<Order> {
  const order = await deps.models.Order.findByPk(id);
  if (!order) throw OrderErrors.ORDER_NOT_FOUND();
  const items = await deps.models.OrderItem.findAll({ where: { orderId: id }, order: [['id', 'ASC']] });
  return toOrderView(
    order.get({ plain: true }),
    items.map((i) => i.get({ plain: true })),
  );
}

// Placing an order: price on the server from the SKU rows (client prices never enter), reserve stock atomically,
// and record the order with a snapshot of every line — all in one transaction, once per Idempotency-Key.
import type { z } from 'zod';
import type { CreateOrderRequest, Order } from '../../../contracts/order';
import { conflict, invalid } from '../../../kernel/errors';
import { newOrderNo } from '../domain/order-no';
import { runPricing, shippingStep, startPricing } from '../domain/pricing';
import type { OrderDeps } from './ports';
import { toOrderView } from './view';

export async function placeOrder(
  deps: OrderDeps,
  userId: number,
  input: z.output<typeof CreateOrderRequest>,
  idempotencyKey?: string,
): Promise<Order> {
  const address = await deps.addressOf(userId, input.addressId);
  return deps.idempotency.run(userId, 'orders.create', idempotencyKey, async (t) => {
    const skus = await deps.catalog.skuSnapshots(
      input.items.map((i) => i.skuId),
      t,
    );
    for (const item of input.items) {
      const sku = skus.get(item.skuId);
      if (!sku || !sku.onShelf) throw invalid('SKU_UNAVAILABLE', '商品不存在或已下架', { skuId: item.skuId });
    }
    const breakdown = runPricing(
      startPricing(
        input.items.map((i) => ({ skuId: i.skuId, quantity: i.quantity, listPriceFen: skus.get(i.skuId)!.priceFen })),
      ),
      [shippingStep(deps.settings.shipping)],
    );
    if (breakdown.payableFen < 1) throw conflict('ORDER_AMOUNT_INVALID', '订单金额不能为 0');

    await deps.catalog.reserveStock(input.items, t);

    const now = deps.clock.now();
    const { id: _id, isDefault: _d, ...addressSnapshot } = address;
    const order = await deps.models.Order.create(
      {
        orderNo: newOrderNo(now),
        userId,
        status: 'pending_payment',
        itemsTotalFen: breakdown.itemsTotalFen,
        discountFen: breakdown.discountFen,
        shippingFen: breakdown.shippingFen,
        payableFen: breakdown.payableFen,
        addressJson: JSON.stringify(addressSnapshot),
        remark: input.remark,
        payDeadline: new Date(now.getTime() + deps.settings.paymentTimeoutMs),
        createdAt: now,
      },
      { transaction: t },
    );
    const orderId = order.getDataValue('id');
    const items = [];
    for (const line of breakdown.lines) {
      const sku = skus.get(line.skuId)!;
      const item = await deps.models.OrderItem.create(
        {
          orderId,
          productId: sku.productId,
          skuId: sku.skuId,
          title: sku.title,
          specsJson: JSON.stringify(sku.specs),
          image: sku.image,
          unitPriceFen: line.unitPriceFen,
          quantity: line.quantity,
          lineTotalFen: line.lineTotalFen,
        },
        { transaction: t },
      );
      items.push(item.get({ plain: true }));
    }
    return toOrderView(order.get({ plain: true }), items);
  });
}

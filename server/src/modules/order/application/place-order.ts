// Placing an order: price on the server from the SKU rows (client prices never enter), reserve stock atomically,
// and record the order with a snapshot of every line — all in one transaction, once per Idempotency-Key.
import type { Transaction } from 'sequelize';
import type { z } from 'zod';
import type { Address, CreateOrderRequest, Order } from '../../../contracts/order';
import { newOrderNo } from '../domain/order-no';
import { OrderErrors } from '../errors';
import type { CampaignTag, PriceStep } from '../domain/pricing';
import { kindPolicy, orderSettings, type OrderDeps } from './ports';
import { priceItems, type PricedOrder } from './price-order';
import { eventBase } from './transitions';
import { toOrderView } from './view';
import type { OrderItemAttrs } from '../persistence/models';
import { insertOrder, insertOrderItems } from '../persistence/order-rows';

/** How a marketing module shapes its orders: its kind (see `OrderKindPolicy`) and its price steps. */
export interface OrderExtension {
  kind: string;
  steps: PriceStep[];
}

export async function placeOrder(
  deps: OrderDeps,
  userId: number,
  input: z.output<typeof CreateOrderRequest>,
  idempotencyKey?: string,
): Promise<Order> {
  const address = await deps.addresses.ownAddress(userId, input.addressId);
  return deps.idempotency.run(userId, 'orders.create', idempotencyKey, (t) =>
    placeOrderIn(deps, t, userId, input, address),
  );
}

/** The order itself, inside the caller's transaction (a marketing module adds its own work to the same one). */
export async function placeOrderIn(
  deps: OrderDeps,
  t: Transaction,
  userId: number,
  input: z.output<typeof CreateOrderRequest>,
  address: Address,
  ext?: OrderExtension,
): Promise<Order> {
  const { skus, breakdown } = await priceItems(deps, t, input.items, ext?.steps);
  if (breakdown.payableFen < 1) throw OrderErrors.ORDER_AMOUNT_INVALID();

  const now = deps.clock.now();
  const policy = ext ? kindPolicy(deps, ext.kind) : undefined;
  const paymentWindowMs = policy?.paymentWindowMs ?? (await orderSettings(deps, t)).paymentTimeoutMs;
  const { id: _id, isDefault: _d, ...addressSnapshot } = address;
  const placed = await insertOrder(deps.sequelize, t, {
    orderNo: newOrderNo(now),
    userId,
    kind: ext?.kind ?? 'normal',
    status: 'pending_payment',
    itemsTotalFen: breakdown.itemsTotalFen,
    discountFen: breakdown.discountFen,
    shippingFen: breakdown.shippingFen,
    payableFen: breakdown.payableFen,
    addressJson: JSON.stringify(addressSnapshot),
    remark: input.remark ?? '',
    payDeadline: new Date(now.getTime() + paymentWindowMs),
    createdAt: now,
  });
  const orderId = placed.id;
  const items = await insertOrderItems(deps.sequelize, t, orderId, lineRows(orderId, breakdown.lines, skus));
  await deps.events.publish(
    t,
    'order.placed',
    {
      ...eventBase(placed),
      payableFen: placed.payableFen,
      lines: items.map((i) => ({
        orderItemId: i.id,
        productId: i.productId,
        skuId: i.skuId,
        quantity: i.quantity,
        lineTotalFen: i.lineTotalFen,
        campaign: i.campaignJson ? (JSON.parse(i.campaignJson) as CampaignTag) : null,
      })),
    },
    String(orderId),
  );
  // the stock last: a hot SKU's row stays locked from this UPDATE to the commit, so as few round trips as
  // possible come after it (a shortfall still rolls everything above back)
  if (!policy?.ownStock) await deps.catalog.reserveStock(t, input.items);
  return toOrderView(placed, items);
}

/** The order's lines as rows, each with a snapshot of its SKU. */
function lineRows(
  orderId: number,
  lines: PricedOrder['breakdown']['lines'],
  skus: PricedOrder['skus'],
): Omit<OrderItemAttrs, 'id'>[] {
  return lines.map((line) => {
    const sku = skus.get(line.skuId)!;
    return {
      orderId,
      productId: sku.productId,
      skuId: sku.skuId,
      title: sku.title,
      specsJson: JSON.stringify(sku.specs),
      image: sku.image,
      unitPriceFen: line.unitPriceFen,
      quantity: line.quantity,
      lineTotalFen: line.lineTotalFen,
      campaignJson: line.campaign ? JSON.stringify(line.campaign) : null,
    };
  });
}

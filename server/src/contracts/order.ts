import { Fen, Id } from './common';
import { Phone } from './auth';
import { z } from './zod';

export const AddressInput = z
  .object({
    name: z.string().trim().min(1).max(32),
    phone: Phone,
    province: z.string().trim().min(1).max(32),
    city: z.string().trim().min(1).max(32),
    district: z.string().trim().min(1).max(32),
    detail: z.string().trim().min(1).max(200),
    isDefault: z.boolean().default(false),
  })
  .openapi('AddressInput');
export const Address = z
  .object({
    id: Id,
    name: z.string(),
    phone: z.string(),
    province: z.string(),
    city: z.string(),
    district: z.string(),
    detail: z.string(),
    isDefault: z.boolean(),
  })
  .openapi('Address');
export type Address = z.infer<typeof Address>;
export const AddressList = z.object({ items: z.array(Address) });

export const OrderStatus = z.enum([
  'pending_payment',
  'awaiting_group',
  'to_ship',
  'shipped',
  'completed',
  'cancelled',
  'refunding',
  'refunded',
]);

export const CreateOrderRequest = z
  .object({
    items: z
      .array(z.object({ skuId: z.number().int().positive(), quantity: z.number().int().min(1).max(999) }))
      .min(1)
      .max(50),
    addressId: z.number().int().positive(),
    remark: z.string().max(200).default(''),
  })
  .openapi('CreateOrderRequest');

export const OrderItem = z
  .object({
    skuId: Id,
    productId: Id,
    title: z.string(),
    specs: z.record(z.string(), z.string()),
    image: z.string().nullable(),
    unitPriceFen: Fen,
    quantity: z.number().int(),
    lineTotalFen: Fen,
  })
  .openapi('OrderItem');

export const Order = z
  .object({
    id: Id,
    orderNo: z.string(),
    status: OrderStatus,
    itemsTotalFen: Fen,
    discountFen: Fen,
    shippingFen: Fen,
    payableFen: Fen,
    paidFen: Fen,
    items: z.array(OrderItem),
    address: Address.omit({ id: true, isDefault: true }),
    remark: z.string(),
    payDeadline: z.string().openapi({ format: 'date-time' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    carrier: z.string().nullable(),
    trackingNo: z.string().nullable(),
  })
  .openapi('Order');
export type Order = z.infer<typeof Order>;

export const CreateOrderResponse = Order;
export const OrderStatusResponse = z.object({ status: OrderStatus });
export const ShipRequest = z.object({
  carrier: z.string().trim().min(1).max(32),
  trackingNo: z.string().trim().min(1).max(64),
});

import { Fen, Id, IdString, MAX_UINT, Page, Quantity } from './common';
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
      .array(z.object({ skuId: Id, quantity: Quantity }))
      .min(1)
      .max(50),
    addressId: Id,
    remark: z.string().max(200).default(''),
  })
  .openapi('CreateOrderRequest');

export const OrderItem = z
  .object({
    id: Id.openapi({ description: 'the order line (orderItemId in after-sale requests)' }),
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
    paidAt: z.string().nullable().openapi({ format: 'date-time' }),
    carrier: z.string().nullable(),
    trackingNo: z.string().nullable(),
    shippedAt: z.string().nullable().openapi({ format: 'date-time' }),
    completedAt: z.string().nullable().openapi({ format: 'date-time', description: 'receipt confirmed' }),
    cancelledAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('Order');
export type Order = z.infer<typeof Order>;

export const CreateOrderResponse = Order;
export const OrderStatusResponse = z.object({ status: OrderStatus });
export const ShipRequest = z.object({
  carrier: z.string().trim().min(1).max(32),
  trackingNo: z.string().trim().min(1).max(64),
});

export const OrderListQuery = Page.extend({
  status: OrderStatus.optional(),
});
export const AdminOrderListQuery = Page.extend({
  status: OrderStatus.optional(),
  orderNo: z.string().trim().max(32).optional(),
  userId: IdString.optional(),
});
export const OrderSummary = z
  .object({
    id: Id,
    orderNo: z.string(),
    userId: Id,
    status: OrderStatus,
    payableFen: Fen,
    paidFen: Fen,
    itemCount: z.number().int(),
    firstItem: z.object({ title: z.string(), image: z.string().nullable() }).nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('OrderSummary');
export const OrderList = z.object({ items: z.array(OrderSummary), total: z.number().int() });
export const AdminOrderSummary = OrderSummary.extend({
  buyer: z
    .object({
      nickname: z.string(),
      maskedPhone: z.string().nullable().openapi({ description: 'e.g. 138****8000; the full number is not listed' }),
    })
    .nullable(),
}).openapi('AdminOrderSummary');
export const AdminOrderList = z.object({ items: z.array(AdminOrderSummary), total: z.number().int() });
export type AdminOrderSummary = z.infer<typeof AdminOrderSummary>;
export type AdminOrderList = z.infer<typeof AdminOrderList>;

export const CheckoutPreviewRequest = CreateOrderRequest.omit({ addressId: true, remark: true })
  .extend({ addressId: Id.optional() })
  .openapi('CheckoutPreviewRequest');
export const CheckoutPreview = z
  .object({
    itemsTotalFen: Fen,
    discountFen: Fen,
    shippingFen: Fen,
    payableFen: Fen,
    lines: z.array(
      OrderItem.omit({ id: true }).extend({
        stock: z.number().int(),
        available: z.boolean().openapi({ description: 'on shelf and enough stock right now' }),
      }),
    ),
    adjustments: z.array(z.object({ step: z.string(), label: z.string(), amountFen: z.number().int() })),
  })
  .openapi('CheckoutPreview', { description: 'the same breakdown the order will charge' });

export const OrderSettingsDoc = z
  .object({
    paymentTimeoutMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    autoConfirmDays: z.number().int().min(1).max(30),
    shippingFlatFeeFen: Fen.max(100_000),
    freeShippingOverFen: Fen.max(MAX_UINT).openapi({ description: '0 = always free' }),
  })
  .openapi('OrderSettings');

export const CartLine = z
  .object({
    id: Id,
    skuId: Id,
    productId: Id.nullable(),
    title: z.string(),
    specs: z.record(z.string(), z.string()),
    image: z.string().nullable(),
    priceFen: Fen,
    quantity: z.number().int(),
    selected: z.boolean(),
    stock: z.number().int(),
    available: z.boolean(),
    unavailableReason: z.enum(['OFF_SHELF', 'OUT_OF_STOCK', 'NOT_ENOUGH_STOCK', 'GONE']).nullable(),
  })
  .openapi('CartLine');
export const Cart = z
  .object({ items: z.array(CartLine), selectedCount: z.number().int(), selectedTotalFen: Fen })
  .openapi('Cart');
export const AddToCart = z.object({
  skuId: Id,
  quantity: Quantity.default(1),
});
export const UpdateCartLine = z
  .object({ quantity: Quantity.optional(), selected: z.boolean().optional() })
  .refine((v) => v.quantity !== undefined || v.selected !== undefined, { message: 'quantity or selected' });
export const SelectAll = z.object({ selected: z.boolean() });

export type OrderSummary = z.infer<typeof OrderSummary>;
export type OrderList = z.infer<typeof OrderList>;
export type CheckoutPreview = z.infer<typeof CheckoutPreview>;
export type Cart = z.infer<typeof Cart>;
export type CartLine = z.infer<typeof CartLine>;
export type OrderStatusName = z.infer<typeof OrderStatus>;
export type OrderSettingsDoc = z.infer<typeof OrderSettingsDoc>;

import { Fen, Id, Page, Quantity } from './common';
import { z } from './zod';

export const AfterSaleType = z.enum(['refund_only', 'return_refund']);
export const AfterSaleStatus = z.enum([
  'requested',
  'awaiting_return',
  'returning',
  'refunding',
  'refunded',
  'rejected',
  'cancelled',
]);

export const AfterSaleRequest = z
  .object({
    type: AfterSaleType.openapi({ description: 'refund_only: 未发货仅退款；return_refund: 已发货退货退款' }),
    reason: z.string().trim().min(1).max(200),
    lines: z
      .array(z.object({ orderItemId: Id, quantity: Quantity }))
      .min(1)
      .max(50),
  })
  .openapi('AfterSaleRequest');

export const ReturnShipment = z.object({
  carrier: z.string().trim().min(1).max(32),
  trackingNo: z.string().trim().min(1).max(64),
});
export const RejectRequest = z.object({ note: z.string().trim().min(1).max(200) });

export const AfterSale = z
  .object({
    id: Id,
    orderId: Id,
    userId: Id,
    type: AfterSaleType,
    status: AfterSaleStatus,
    reason: z.string(),
    amountFen: Fen,
    lines: z.array(z.object({ orderItemId: Id, quantity: z.number().int(), amountFen: Fen })),
    returnCarrier: z.string().nullable(),
    returnTrackingNo: z.string().nullable(),
    operatorNote: z.string().nullable(),
    refundStatus: z.enum(['pending', 'processing', 'succeeded', 'failed']).nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AfterSale');

export const AfterSaleList = z.object({ items: z.array(AfterSale), total: z.number().int() });
export const AfterSaleListQuery = Page.extend({ status: AfterSaleStatus.optional() });

export type AfterSale = z.infer<typeof AfterSale>;
export type AfterSaleList = z.infer<typeof AfterSaleList>;

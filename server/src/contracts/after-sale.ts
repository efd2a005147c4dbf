import { Fen, Id, IdString, Page, Quantity } from './common';
import { STATUS_LABELS } from './display/labels';
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

type ReasonCode = keyof typeof STATUS_LABELS.afterSaleReason;
/** The reasons a buyer picks from: the list (and its labels) is declared once, in display/labels.ts. */
export const AfterSaleReason = z.enum(Object.keys(STATUS_LABELS.afterSaleReason) as [ReasonCode, ...ReasonCode[]]);

export { MAX_AFTER_SALE_PHOTOS } from './display/after-sale';

export const AfterSaleRequest = z
  .object({
    type: AfterSaleType.openapi({ description: 'refund_only: 未发货仅退款；return_refund: 已发货退货退款' }),
    reason: AfterSaleReason,
    note: z.string().trim().max(200).optional(),
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

/** Where returned goods go: an operator setting, copied onto a return when it is approved. */
export const ReturnAddress = z
  .object({
    name: z.string().trim().min(1).max(32),
    /** a mobile or a landline with its area code (0571-88886666) */
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\- ]{5,20}$/, '请填写正确的联系电话'),
    address: z.string().trim().min(4).max(200),
  })
  .openapi('ReturnAddress');
export const AfterSaleSettingsDoc = z.object({ returnAddress: ReturnAddress.nullable() }).openapi('AfterSaleSettings');
export type AfterSaleSettingsDoc = z.infer<typeof AfterSaleSettingsDoc>;

export const AfterSalePhoto = z.object({ id: Id, url: z.string() }).openapi('AfterSalePhoto');
export const UploadPhotoForm = z
  .object({ file: z.string().openapi({ format: 'binary', description: 'PNG, JPEG, GIF or WebP, at most 5 MB' }) })
  .openapi('AfterSalePhotoForm');

export const AfterSale = z
  .object({
    id: Id,
    orderId: Id,
    orderNo: z.string(),
    userId: Id,
    type: AfterSaleType,
    status: AfterSaleStatus,
    reason: z.string().openapi({ description: 'an AfterSaleReason code (older requests: free text)' }),
    note: z.string().nullable(),
    amountFen: Fen,
    lines: z.array(z.object({ orderItemId: Id, quantity: z.number().int(), amountFen: Fen })),
    photos: z.array(AfterSalePhoto),
    /** where to send the goods: set when a return is approved */
    returnAddress: ReturnAddress.nullable(),
    returnCarrier: z.string().nullable(),
    returnTrackingNo: z.string().nullable(),
    operatorNote: z.string().nullable(),
    refundStatus: z.enum(['pending', 'processing', 'succeeded', 'failed']).nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AfterSale');

export const AfterSaleList = z.object({ items: z.array(AfterSale), total: z.number().int() });
export const AfterSaleListQuery = Page.extend({
  status: AfterSaleStatus.optional(),
  orderId: IdString.optional(),
  orderNo: z.string().trim().max(32).optional(),
});

/** What the buyer may still ask for on each line of an order (bought minus what live requests hold). */
export const AfterSaleAvailability = z
  .object({ lines: z.array(z.object({ orderItemId: Id, quantity: z.number().int(), available: z.number().int() })) })
  .openapi('AfterSaleAvailability');

export type AfterSale = z.infer<typeof AfterSale>;
export type AfterSaleList = z.infer<typeof AfterSaleList>;
export type AfterSaleAvailability = z.infer<typeof AfterSaleAvailability>;
export type ReturnAddress = z.infer<typeof ReturnAddress>;
export type AfterSalePhoto = z.infer<typeof AfterSalePhoto>;

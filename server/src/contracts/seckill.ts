// Seckill (秒杀) on the wire: sessions on whole hours (Asia/Shanghai, sent as ISO instants), items with their own
// stock, and attempts that a Redis script accepts before the order exists (api-contract.md, Seckill).
import { DateTime, Fen, Id, Instant, PriceFen, Quantity } from './common';
import { z } from './zod';

export const SeckillSessionInput = z.object({ startAt: Instant, endAt: Instant }).openapi('SeckillSessionInput');

export const SeckillItemInput = z
  .object({
    skuId: Id,
    priceFen: PriceFen,
    stock: z.number().int().min(1).max(100_000),
    perUserLimit: z.number().int().min(1).max(99).default(1),
  })
  .openapi('SeckillItemInput');

export const SeckillSessionStatus = z.enum(['upcoming', 'open', 'ended']);
export type SeckillSessionStatus = z.infer<typeof SeckillSessionStatus>;

export const SeckillSession = z
  .object({ id: Id, startAt: DateTime, endAt: DateTime, status: SeckillSessionStatus })
  .openapi('SeckillSession');
export const SeckillSessionList = z
  .object({
    items: z.array(SeckillSession),
    /** the server's business time: countdowns count from it (the sandbox clock may be ahead of the wall clock) */
    now: DateTime,
  })
  .openapi('SeckillSessionList');

export const SeckillShopItem = z
  .object({
    id: Id,
    sessionId: Id,
    skuId: Id,
    productId: Id,
    title: z.string(),
    image: z.string().nullable(),
    priceFen: Fen,
    /** the SKU's ordinary price (the crossed-out reference of the same SKU) */
    originalPriceFen: Fen,
    perUserLimit: z.number().int(),
    stock: z.number().int(),
    /** units still to grab (Redis while the session is warm, else the database view) */
    remaining: z.number().int(),
  })
  .openapi('SeckillShopItem');
export const SeckillShopItemList = z.object({ items: z.array(SeckillShopItem) }).openapi('SeckillShopItemList');
export type SeckillShopItem = z.infer<typeof SeckillShopItem>;
export type SeckillSession = z.infer<typeof SeckillSession>;

/** A product's seckill offers: its items in the sessions open now or still to come (the product page's banner). */
export const SeckillOfferQuery = z.object({ productId: z.coerce.number().int().positive() });
export const SeckillOfferList = z
  .object({ items: z.array(SeckillShopItem.extend({ session: SeckillSession })), now: DateTime })
  .openapi('SeckillOfferList');
export type SeckillOfferList = z.infer<typeof SeckillOfferList>;

/** The database view of an item: `sold` paid units, `reserved` units in unpaid orders. */
export const SeckillItemFigures = z
  .object({
    id: Id,
    sessionId: Id,
    skuId: Id,
    priceFen: Fen,
    perUserLimit: z.number().int(),
    stock: z.number().int(),
    sold: z.number().int(),
    reserved: z.number().int(),
    remaining: z.number().int(),
    /** unsold units given back to the SKU when the session ended */
    returned: z.number().int(),
  })
  .openapi('SeckillItemFigures');

/** The console's row for an item: the database figures beside Redis's live counter (null when not warm). */
export const AdminSeckillItem = SeckillItemFigures.extend({
  productId: Id,
  title: z.string(),
  liveRemaining: z.number().int().nullable(),
}).openapi('AdminSeckillItem');
export const AdminSeckillItemList = z.object({ items: z.array(AdminSeckillItem) }).openapi('AdminSeckillItemList');
export type AdminSeckillItem = z.infer<typeof AdminSeckillItem>;

/** Redis against the database for one item: what reconciliation compares and repairs. */
export const SeckillReconciliation = z
  .object({
    itemId: Id,
    /** the database's remaining units minus attempts still queued in the log */
    expectedRemaining: z.number().int(),
    /** Redis's counter, null when the item is not warm */
    redisRemaining: z.number().int().nullable(),
    queued: z.number().int(),
    drift: z.number().int(),
    repaired: z.boolean(),
  })
  .openapi('SeckillReconciliation');

export const SeckillAttemptRequest = z
  .object({ quantity: Quantity.default(1), addressId: Id })
  .openapi('SeckillAttemptRequest');

export const SeckillAttemptStatus = z.enum(['queued', 'ordered', 'failed']);
export const SeckillAttemptIdParam = z.object({ id: z.string().regex(/^\d{1,10}-\d{1,10}-[0-9a-z]{1,12}-\d{1,10}$/) });
export const SeckillAttempt = z
  .object({
    attemptId: z.string(),
    status: SeckillAttemptStatus,
    orderId: Id.optional(),
    reason: z.string().optional(),
  })
  .openapi('SeckillAttempt');
export type SeckillAttempt = z.infer<typeof SeckillAttempt>;

/** 提醒我: told when the item's session opens (a WeChat subscribe message). */
export const SeckillReminder = z.object({ itemId: Id, remindAt: DateTime }).openapi('SeckillReminder');
export const SeckillReminderRemoved = z.object({ itemId: Id, removed: z.boolean() }).openapi('SeckillReminderRemoved');
export const SeckillReminderList = z
  .object({
    /** items of sessions still to come this shopper asked to be reminded of */
    itemIds: z.array(Id),
    /** the subscribe-message template the mini-program asks consent for (wx.requestSubscribeMessage) */
    templateId: z.string(),
  })
  .openapi('SeckillReminderList');
export type SeckillReminderList = z.infer<typeof SeckillReminderList>;

// Coupons (优惠券) on the wire: a template is what the operator configures, a user coupon one claimed copy
// (api-contract.md, Coupons and promotions). `percentOff` is the share taken off: 15 = 15 % off, shown as 8.5折.
import { DateTime, Fen, Id, Instant, PriceFen } from './common';
import { z } from './zod';

export const CouponType = z.enum(['amount_off', 'percent_off', 'no_threshold']);
export type CouponType = z.infer<typeof CouponType>;

export const CouponScope = z
  .object({
    kind: z.enum(['all', 'categories', 'products']),
    ids: z.array(Id).max(200).optional(),
  })
  .openapi('CouponScope');

export const CouponValidity = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), startAt: Instant, endAt: Instant }),
    z.object({ kind: z.literal('days'), days: z.number().int().min(1).max(365) }),
  ])
  .openapi('CouponValidity');

export const CouponInput = z
  .object({
    name: z.string().trim().min(1).max(60),
    type: CouponType,
    thresholdFen: PriceFen.optional(),
    amountOffFen: PriceFen.optional(),
    percentOff: z.number().int().min(1).max(99).optional(),
    maxOffFen: PriceFen.optional(),
    scope: CouponScope.default({ kind: 'all' }),
    validity: CouponValidity,
    /** when it can be claimed (defaults: from now, until the validity ends or for ever) */
    claimStartAt: Instant.optional(),
    claimEndAt: Instant.optional(),
    total: z.number().int().min(1).max(10_000_000),
    perUserLimit: z.number().int().min(1).max(100).default(1),
    claimable: z.boolean().default(true),
    stackWithCampaigns: z.boolean().default(false),
  })
  .openapi('CouponInput');
export type CouponInput = z.output<typeof CouponInput>;

const CouponFields = {
  id: Id,
  name: z.string(),
  type: CouponType,
  thresholdFen: Fen,
  amountOffFen: Fen,
  percentOff: z.number().int(),
  maxOffFen: Fen.nullable(),
};

export const AdminCoupon = z
  .object({
    ...CouponFields,
    scope: CouponScope,
    validity: z.union([
      z.object({ kind: z.literal('fixed'), startAt: DateTime, endAt: DateTime }),
      z.object({ kind: z.literal('days'), days: z.number().int() }),
    ]),
    claimStartAt: DateTime.nullable(),
    claimEndAt: DateTime.nullable(),
    total: z.number().int(),
    perUserLimit: z.number().int(),
    claimable: z.boolean(),
    stackWithCampaigns: z.boolean(),
    enabled: z.boolean(),
    claimed: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
  })
  .openapi('AdminCoupon');

export const AdminCouponList = z
  .object({ items: z.array(AdminCoupon), total: z.number().int() })
  .openapi('AdminCouponList');
export type AdminCoupon = z.infer<typeof AdminCoupon>;

export const ShopCoupon = z.object({ ...CouponFields, remaining: z.number().int() }).openapi('ShopCoupon');
export const ShopCouponList = z.object({ items: z.array(ShopCoupon) }).openapi('ShopCouponList');
export const ShopCouponQuery = z.object({ productId: z.coerce.number().int().positive().optional() });

export const UserCouponStatus = z.enum(['available', 'locked', 'used', 'expired']);
export const ClaimedCoupon = z
  .object({ userCouponId: Id, validFrom: DateTime, validUntil: DateTime })
  .openapi('ClaimedCoupon');
const { id: _couponId, ...couponTerms } = CouponFields;
export const MyCoupon = z
  .object({
    userCouponId: Id,
    couponId: Id,
    ...couponTerms,
    status: UserCouponStatus,
    validFrom: DateTime,
    validUntil: DateTime,
  })
  .openapi('MyCoupon');
export const MyCouponQuery = z.object({ status: UserCouponStatus.exclude(['locked']).optional() });
export const MyCouponList = z.object({ items: z.array(MyCoupon), total: z.number().int() }).openapi('MyCouponList');

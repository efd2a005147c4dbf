import { DateTime, Fen, Id, IdString, Instant, Page, PriceFen } from './common';
import { Order } from './order';
import { z } from './zod';

/** An optional window end: null (or absent) is an open end; documented as such (the override above hides it). */
const NullableInstant = Instant.nullable()
  .default(null)
  .openapi({ type: ['string', 'null'], format: 'date-time' });

export const GroupStatus = z.enum(['pending', 'open', 'succeeded', 'failed']);
export const GroupCode = z.string().regex(/^[0-9A-Za-z]{6,16}$/);

export const CampaignInput = z
  .object({
    productId: Id,
    title: z.string().trim().max(120).optional(),
    size: z.number().int().min(2).max(100).default(2),
    validityHours: z.number().int().min(1).max(720).default(24),
    skus: z
      .array(
        z.object({
          skuId: Id,
          groupPriceFen: PriceFen,
          leaderPriceFen: PriceFen.nullable().default(null),
        }),
      )
      .min(1)
      .max(200),
    startsAt: NullableInstant,
    endsAt: NullableInstant,
    perUserLimit: z.number().int().min(0).max(1000).default(0).openapi({ description: '0 = no limit' }),
    newUsersOnly: z.boolean().default(false),
    virtualCompletion: z.boolean().default(false),
    virtualThresholdPct: z.number().int().min(1).max(100).default(50),
    stackWithCoupons: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .openapi('GroupbuyCampaignInput');

export const CampaignSkuView = z.object({
  skuId: Id,
  specs: z.record(z.string(), z.string()),
  listPriceFen: Fen,
  groupPriceFen: Fen,
  leaderPriceFen: Fen.nullable(),
  stock: z.number().int(),
});

/** The display rule's answer (contracts/display/price): the price a page shows, its 起, the same SKU's reference. */
export const PriceTagView = z
  .object({
    skuId: Id,
    priceFen: Fen,
    from: z.boolean().openapi({ description: 'other SKUs on sale cost more (起)' }),
    referenceFen: Fen.nullable().openapi({
      description: 'the same SKU’s ordinary price, crossed out; null if not higher',
    }),
  })
  .openapi('PriceTag');

export const Campaign = z
  .object({
    id: Id,
    productId: Id,
    title: z.string(),
    image: z.string().nullable(),
    size: z.number().int(),
    validityHours: z.number().int(),
    startsAt: DateTime.nullable(),
    endsAt: DateTime.nullable(),
    perUserLimit: z.number().int(),
    newUsersOnly: z.boolean(),
    virtualCompletion: z.boolean(),
    virtualThresholdPct: z.number().int(),
    stackWithCoupons: z.boolean(),
    enabled: z.boolean(),
    active: z.boolean().openapi({ description: 'enabled and inside its window now' }),
    skus: z.array(CampaignSkuView),
    prices: z.object({ member: PriceTagView, leader: PriceTagView.nullable() }).nullable().openapi({
      description:
        'what every page shows: the member’s price, and the leader’s (团长价) when it differs; null without SKUs',
    }),
  })
  .openapi('GroupbuyCampaign');

export const GroupMember = z.object({
  userId: Id,
  nickname: z.string(),
  avatar: z.string().nullable(),
  isLeader: z.boolean(),
  paid: z.boolean(),
});

export const Group = z
  .object({
    code: GroupCode,
    campaignId: Id,
    productId: Id,
    title: z.string(),
    image: z.string().nullable(),
    status: GroupStatus,
    size: z.number().int(),
    seatsLeft: z.number().int(),
    expiresAt: DateTime.nullable(),
    virtualCompleted: z.boolean(),
    members: z.array(GroupMember).openapi({ description: 'members hold seats (paid or reserved)' }),
  })
  .openapi('Group');

export const OpenGroupSummary = z.object({
  code: GroupCode,
  leader: z.object({ nickname: z.string(), avatar: z.string().nullable() }),
  seatsLeft: z.number().int(),
  expiresAt: DateTime,
});

/** One unit through the order's own pricing (campaign price, then shipping): what the cashier will ask for. */
export const SeatQuote = z.object({ unitPriceFen: Fen, shippingFen: Fen, payableFen: Fen });
export const CampaignSkuQuote = z.object({
  skuId: Id,
  leader: SeatQuote.openapi({ description: 'opening a group (the leader price when the campaign has one)' }),
  member: SeatQuote.openapi({ description: 'joining a group (the group price)' }),
});

export const CampaignDetail = Campaign.extend({
  openGroups: z.array(OpenGroupSummary),
  quotes: z.array(CampaignSkuQuote).openapi({
    description: 'per SKU on shelf: what one unit costs a leader and a member, shipping included, as ordered',
  }),
}).openapi('GroupbuyCampaignDetail');
export const CampaignList = z.object({ items: z.array(Campaign), total: z.number().int() });
export const CampaignListQuery = Page.extend({ productId: IdString.optional() });

export const OpenGroupRequest = z
  .object({
    campaignId: Id,
    skuId: Id,
    addressId: Id,
  })
  .openapi('OpenGroupRequest');
export const JoinGroupRequest = z
  .object({
    skuId: Id,
    addressId: Id,
    fallback: z.enum(['route', 'none']).default('route').openapi({
      description:
        'if the group filled meanwhile: route to another open group or open a new one (route), or answer 409 GROUP_FULL with alternatives (none)',
    }),
  })
  .openapi('JoinGroupRequest');
export const GroupOrderResponse = z
  .object({
    group: Group,
    order: Order,
    routed: z.boolean().openapi({ description: 'the seat is not in the group asked for' }),
  })
  .openapi('GroupOrder');

export const GroupCodeParam = z.object({ code: GroupCode });
export const MyGroups = z.object({
  items: z.array(Group.extend({ orderId: Id, orderStatus: z.string(), isLeader: z.boolean() })),
});

export const AdminGroupRow = z.object({
  id: Id,
  code: GroupCode,
  status: GroupStatus,
  size: z.number().int(),
  seatsTaken: z.number().int(),
  paidCount: z.number().int(),
  leaderUserId: Id,
  openedAt: DateTime.nullable(),
  expiresAt: DateTime.nullable(),
  closedAt: DateTime.nullable(),
  closeReason: z.string().nullable(),
  virtualCompleted: z.boolean(),
  createdAt: DateTime,
});
export const AdminGroupList = z.object({ items: z.array(AdminGroupRow), total: z.number().int() });
export const AdminGroupListQuery = Page.extend({ status: GroupStatus.optional() });
export const AdminGroupDetail = AdminGroupRow.extend({
  members: z.array(
    GroupMember.extend({ orderId: Id, orderStatus: z.string(), memberStatus: z.string(), joinedAt: DateTime }),
  ),
});

export type Group = z.infer<typeof Group>;
export type Campaign = z.infer<typeof Campaign>;
export type CampaignDetail = z.infer<typeof CampaignDetail>;
export type SeatQuote = z.infer<typeof SeatQuote>;
export type GroupOrderResponse = z.infer<typeof GroupOrderResponse>;
export type MyGroups = z.infer<typeof MyGroups>;
export type CampaignList = z.infer<typeof CampaignList>;
export type AdminGroupList = z.infer<typeof AdminGroupList>;
export type AdminGroupDetail = z.infer<typeof AdminGroupDetail>;

// Opening and joining groups. A seat is taken by one conditional UPDATE (never read-then-increment) in the same
// transaction as the member's order; the unique (group, holder) index makes "a user twice in one group"
// impossible even when one user races themselves. If the chosen group filled meanwhile, the joiner is routed to
// the open group closest to completing, or opens a new one.
import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import type { z } from 'zod';
import type { JoinGroupRequest, OpenGroupRequest } from '../../../contracts/groupbuy';
import type { Address, Order } from '../../../contracts/order';
import { shareCode } from '../../../kernel/ids';
import { campaignActive, rankAlternatives, unitPriceFor } from '../domain/rules';
import { GroupbuyErrors } from '../errors';
import type { CampaignAttrs, CampaignSkuAttrs, GroupAttrs } from '../persistence/models';
import type { GroupbuyDeps } from './ports';
import { groupPriceStep } from './pricing';
import { seatQuotas } from './members';
import { groupView } from './views';

async function eligibleCampaign(deps: GroupbuyDeps, t: Transaction, campaignId: number, userId: number, skuId: number) {
  // raw rows (no model instances): read on every seat; the flags are read as truthy, as 0/1 or booleans
  const c = (await deps.models.Campaign.findByPk(campaignId, { transaction: t, raw: true })) as CampaignAttrs | null;
  if (!c) throw GroupbuyErrors.CAMPAIGN_NOT_FOUND();
  if (!campaignActive({ enabled: !!c.enabled, startsAt: c.startsAt, endsAt: c.endsAt }, deps.clock.now()))
    throw GroupbuyErrors.CAMPAIGN_NOT_ACTIVE();
  const p = (await deps.models.CampaignSku.findOne({
    where: { campaignId, skuId },
    transaction: t,
    raw: true,
  })) as CampaignSkuAttrs | null;
  if (!p) throw GroupbuyErrors.SKU_NOT_IN_CAMPAIGN({ skuId });
  if (c.newUsersOnly && (await deps.orders.hasPaidOrder(t, userId))) throw GroupbuyErrors.GROUPBUY_NEW_USERS_ONLY();
  return {
    campaign: c,
    price: { skuId, listPriceFen: 0, groupPriceFen: p.groupPriceFen, leaderPriceFen: p.leaderPriceFen },
  };
}

type Eligible = Awaited<ReturnType<typeof eligibleCampaign>>;

async function orderSeat(
  deps: GroupbuyDeps,
  t: Transaction,
  userId: number,
  e: Eligible,
  group: GroupAttrs,
  isLeader: boolean,
  req: { skuId: number; addressId: number; address: Address },
) {
  // limits are atomic: a counter row per user moved by one conditional UPDATE (never count, then insert)
  for (const q of seatQuotas(e.campaign, userId)) {
    if (await deps.quotas.take(t, q.key, q.limit)) continue;
    throw q.refusal(undefined, q.message);
  }
  const address = req.address;
  const order = await deps.orders.placeIn(
    t,
    userId,
    { items: [{ skuId: req.skuId, quantity: 1 }], addressId: req.addressId, remark: '' },
    address,
    {
      kind: 'groupbuy',
      steps: [groupPriceStep(e.campaign.id, unitPriceFor(e.price, isLeader), !!e.campaign.stackWithCoupons)],
    },
  );
  try {
    await deps.models.Member.create(
      {
        groupId: group.id,
        campaignId: e.campaign.id,
        userId,
        orderId: order.id,
        isLeader,
        status: 'reserved',
        holderUserId: userId,
      },
      { transaction: t },
    );
  } catch (err) {
    if (err instanceof UniqueConstraintError) throw GroupbuyErrors.ALREADY_IN_GROUP();
    throw err;
  }
  return order;
}

async function newGroup(
  deps: GroupbuyDeps,
  t: Transaction,
  userId: number,
  campaign: CampaignAttrs,
): Promise<GroupAttrs> {
  const row = await deps.models.Group.create(
    {
      code: shareCode(10),
      campaignId: campaign.id,
      leaderUserId: userId,
      size: campaign.size,
      status: 'pending',
      seatsTaken: 1,
    },
    { transaction: t },
  );
  return row.get({ plain: true });
}

/** The stored (idempotent) outcome; the group itself is shown fresh, after the transaction. */
interface Seated {
  groupCode: string;
  order: Order;
  routed: boolean;
}

async function withGroup(deps: GroupbuyDeps, seated: Seated) {
  return { group: await groupView(deps, seated.groupCode), order: seated.order, routed: seated.routed };
}

export async function openGroup(
  deps: GroupbuyDeps,
  userId: number,
  input: z.output<typeof OpenGroupRequest>,
  key?: string,
) {
  // read before the transaction: inside it, every query must use its connection
  const req = { ...input, address: await deps.addresses.ownAddress(userId, input.addressId) };
  const seated = await deps.idempotency.run(userId, 'groupbuy.open', key, async (t): Promise<Seated> => {
    const e = await eligibleCampaign(deps, t, req.campaignId, userId, req.skuId);
    const group = await newGroup(deps, t, userId, e.campaign);
    const order = await orderSeat(deps, t, userId, e, group, true, req);
    return { groupCode: group.code, order, routed: false };
  });
  return withGroup(deps, seated);
}

/** One conditional UPDATE: the seat is taken only if the group is open, unexpired and not full. */
async function takeSeat(deps: GroupbuyDeps, t: Transaction, groupId: number): Promise<boolean> {
  deps.groupPages.changes(t, groupId);
  const [n] = await deps.models.Group.update(
    { seatsTaken: deps.sequelize.literal('seats_taken + 1') as never },
    {
      where: {
        id: groupId,
        status: 'open',
        expiresAt: { [Op.gt]: deps.clock.now() },
        seatsTaken: { [Op.lt]: deps.sequelize.col('size') },
      },
      transaction: t,
    },
  );
  return n === 1;
}

async function holds(deps: GroupbuyDeps, t: Transaction, groupId: number, userId: number) {
  return (await deps.models.Member.count({ where: { groupId, holderUserId: userId }, transaction: t })) > 0;
}

export async function joinGroup(
  deps: GroupbuyDeps,
  userId: number,
  code: string,
  input: z.output<typeof JoinGroupRequest>,
  key?: string,
) {
  const req = { ...input, address: await deps.addresses.ownAddress(userId, input.addressId) };
  const seated = await deps.idempotency.run(userId, 'groupbuy.join', key, async (t): Promise<Seated> => {
    const asked = (await deps.models.Group.findOne({ where: { code }, transaction: t }))?.get({ plain: true });
    if (!asked) throw GroupbuyErrors.GROUP_NOT_FOUND();
    if (asked.leaderUserId === userId || (await holds(deps, t, asked.id, userId)))
      throw GroupbuyErrors.ALREADY_IN_GROUP();
    const e = await eligibleCampaign(deps, t, asked.campaignId, userId, req.skuId);
    if (await takeSeat(deps, t, asked.id)) {
      const order = await orderSeat(deps, t, userId, e, asked, false, req);
      return { groupCode: asked.code, order, routed: false };
    }
    const alternatives = await alternativesFor(deps, t, e.campaign.id, userId, asked.id);
    if (req.fallback === 'none') {
      throw GroupbuyErrors.GROUP_FULL({ alternatives: alternatives.map((g) => g.code), canOpenNew: true });
    }
    for (const g of alternatives) {
      if (!(await takeSeat(deps, t, g.id))) continue;
      const group = (await deps.models.Group.findByPk(g.id, { transaction: t }))!.get({ plain: true });
      const order = await orderSeat(deps, t, userId, e, group, false, req);
      return { groupCode: group.code, order, routed: true };
    }
    const group = await newGroup(deps, t, userId, e.campaign);
    const order = await orderSeat(deps, t, userId, e, group, true, req);
    return { groupCode: group.code, order, routed: true };
  });
  return withGroup(deps, seated);
}

async function alternativesFor(
  deps: GroupbuyDeps,
  t: Transaction,
  campaignId: number,
  userId: number,
  exceptId: number,
) {
  const open = await deps.models.Group.findAll({
    where: { campaignId, status: 'open', id: { [Op.ne]: exceptId } },
    order: [['expiresAt', 'ASC']],
    limit: 20,
    transaction: t,
  });
  const members = open.length
    ? await deps.models.Member.findAll({
        where: { groupId: { [Op.in]: open.map((g) => g.getDataValue('id')) }, holderUserId: { [Op.ne]: null } },
        transaction: t,
      })
    : [];
  return rankAlternatives(
    open.map((row) => {
      const g = row.get({ plain: true });
      return {
        ...g,
        memberUserIds: members.filter((m) => m.getDataValue('groupId') === g.id).map((m) => m.getDataValue('userId')),
      };
    }),
    userId,
    deps.clock.now(),
  );
}

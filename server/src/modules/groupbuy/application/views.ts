// What clients see of groups: the public group page (members hold seats, paid or reserved), a user's groups,
// the open groups a product page lists, and the operators' group lists.
import { Op } from 'sequelize';
import type { z } from 'zod';
import type { AdminGroupListQuery, Group, OpenGroupSummary } from '../../../contracts/groupbuy';
import { GroupbuyErrors } from '../errors';
import type { GroupAttrs, MemberAttrs } from '../persistence/models';
import type { CampaignCard } from './group-pages';
import type { GroupbuyDeps } from './ports';
import { pageWindow } from '../../../kernel/paging';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const HOLDING = ['reserved', 'paid'];

async function membersOf(deps: GroupbuyDeps, groupIds: number[]): Promise<MemberAttrs[]> {
  if (!groupIds.length) return [];
  // raw rows: read for every group page and seat taken (flags are read as truthy, as 0/1 or booleans)
  return (await deps.models.Member.findAll({
    where: { groupId: { [Op.in]: groupIds } },
    order: [['id', 'ASC']],
    raw: true,
  })) as unknown as MemberAttrs[];
}

async function groupViews(deps: GroupbuyDeps, groups: GroupAttrs[]): Promise<z.input<typeof Group>[]> {
  if (!groups.length) return [];
  const members = (
    await membersOf(
      deps,
      groups.map((g) => g.id),
    )
  ).filter((m) => HOLDING.includes(m.status));
  const [profiles, cards] = await Promise.all([
    deps.profiles([...new Set(members.map((m) => m.userId))]),
    deps.campaignCards.many(groups.map((g) => g.campaignId)),
  ]);
  return groups.map((g) => {
    const card = cards.get(g.campaignId)!;
    const seats = members.filter((m) => m.groupId === g.id);
    return {
      code: g.code,
      campaignId: g.campaignId,
      productId: card.productId,
      title: card.title,
      image: card.image,
      status: g.status,
      size: g.size,
      seatsLeft: Math.max(0, g.size - g.seatsTaken),
      expiresAt: iso(g.expiresAt),
      virtualCompleted: !!g.virtualCompleted,
      members: seats.map((m) => ({
        userId: m.userId,
        nickname: profiles.get(m.userId)?.nickname ?? '邻里用户',
        avatar: profiles.get(m.userId)?.avatar ?? null,
        isLeader: !!m.isLeader,
        paid: m.status === 'paid',
      })),
    };
  });
}

/** A group as its page shows it (read after the transaction that changed it, never inside one). */
export async function groupView(deps: GroupbuyDeps, code: string) {
  return (await loadGroupPage(deps, code)).page;
}

/** The page and the group's id (group-pages.ts keys its invalidations by id). */
export async function loadGroupPage(deps: GroupbuyDeps, code: string) {
  const g = (await deps.models.Group.findOne({ where: { code }, raw: true })) as GroupAttrs | null;
  if (!g) throw GroupbuyErrors.GROUP_NOT_FOUND();
  return { groupId: g.id, page: (await groupViews(deps, [g]))[0]! };
}

export async function myGroups(deps: GroupbuyDeps, userId: number) {
  const mine = await deps.models.Member.findAll({ where: { userId }, order: [['id', 'DESC']], limit: 50 });
  const rows = mine.map((m) => m.get({ plain: true }));
  const groups = await deps.models.Group.findAll({ where: { id: { [Op.in]: rows.map((m) => m.groupId) } } });
  const views = await groupViews(
    deps,
    groups.map((g) => g.get({ plain: true })),
  );
  const statuses = await deps.orders.statuses(rows.map((m) => m.orderId));
  return {
    items: rows.flatMap((m) => {
      const g = groups.find((x) => x.getDataValue('id') === m.groupId);
      const view = views.find((v) => v.code === g?.getDataValue('code'));
      return view
        ? [{ ...view, orderId: m.orderId, orderStatus: statuses.get(m.orderId) ?? 'unknown', isLeader: !!m.isLeader }]
        : [];
    }),
  };
}

/** The open groups a product page lists: fewest seats left first, with the leader and the countdown. */
export async function openGroupsOf(
  deps: GroupbuyDeps,
  campaignId: number,
  limit = 10,
): Promise<z.input<typeof OpenGroupSummary>[]> {
  const groups = (
    await deps.models.Group.findAll({
      where: { campaignId, status: 'open', expiresAt: { [Op.gt]: deps.clock.now() } },
      order: [['expiresAt', 'ASC']],
      limit: 50,
    })
  )
    .map((g) => g.get({ plain: true }))
    .filter((g) => g.seatsTaken < g.size)
    .sort((a, b) => a.size - a.seatsTaken - (b.size - b.seatsTaken))
    .slice(0, limit);
  const profiles = await deps.profiles(groups.map((g) => g.leaderUserId));
  return groups.map((g) => ({
    code: g.code,
    leader: {
      nickname: profiles.get(g.leaderUserId)?.nickname ?? '邻里用户',
      avatar: profiles.get(g.leaderUserId)?.avatar ?? null,
    },
    seatsLeft: g.size - g.seatsTaken,
    expiresAt: iso(g.expiresAt)!,
  }));
}

const adminRow = (g: GroupAttrs) => ({
  id: g.id,
  code: g.code,
  status: g.status,
  size: g.size,
  seatsTaken: g.seatsTaken,
  paidCount: g.paidCount,
  leaderUserId: g.leaderUserId,
  openedAt: iso(g.openedAt),
  expiresAt: iso(g.expiresAt),
  closedAt: iso(g.closedAt),
  closeReason: g.closeReason ?? null,
  virtualCompleted: !!g.virtualCompleted,
  createdAt: iso(g.createdAt)!,
});

export async function adminGroups(deps: GroupbuyDeps, campaignId: number, q: z.output<typeof AdminGroupListQuery>) {
  const { rows, count } = await deps.models.Group.findAndCountAll({
    where: { campaignId, ...(q.status ? { status: q.status } : {}) },
    order: [['id', 'DESC']],
    ...pageWindow(q),
  });
  return { total: count, items: rows.map((r) => adminRow(r.get({ plain: true }))) };
}

export async function adminGroupDetail(deps: GroupbuyDeps, code: string) {
  const row = await deps.models.Group.findOne({ where: { code } });
  if (!row) throw GroupbuyErrors.GROUP_NOT_FOUND();
  const g = row.get({ plain: true });
  const members = await membersOf(deps, [g.id]);
  const profiles = await deps.profiles(members.map((m) => m.userId));
  const statuses = await deps.orders.statuses(members.map((m) => m.orderId));
  return {
    ...adminRow(g),
    members: members.map((m) => ({
      userId: m.userId,
      nickname: profiles.get(m.userId)?.nickname ?? '邻里用户',
      avatar: profiles.get(m.userId)?.avatar ?? null,
      isLeader: !!m.isLeader,
      paid: m.status === 'paid' || m.status === 'refunded',
      orderId: m.orderId,
      orderStatus: statuses.get(m.orderId) ?? 'unknown',
      memberStatus: m.status,
      joinedAt: iso(m.createdAt)!,
    })),
  };
}

/** A campaign's card as groups show it (campaign-cards cache in group-pages.ts loads through this). */
export async function loadCampaignCard(deps: GroupbuyDeps, campaignId: number): Promise<CampaignCard> {
  const campaign = await deps.models.Campaign.findByPk(campaignId);
  if (!campaign) throw GroupbuyErrors.CAMPAIGN_NOT_FOUND();
  const first = await deps.models.CampaignSku.findOne({ where: { campaignId }, order: [['id', 'ASC']] });
  const skuId = first?.getDataValue('skuId');
  const sku = skuId === undefined ? undefined : (await deps.catalog.skuSnapshots(undefined, [skuId])).get(skuId);
  return {
    productId: campaign.getDataValue('productId'),
    title: campaign.getDataValue('title'),
    image: sku?.image ?? null,
  };
}

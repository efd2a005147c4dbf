// The group-buy statements around the order (groupbuy/application/seats.ts and views.ts), as captured in
// bench/replay/captured/group-*.sql: the campaign reads, the group INSERT or the conditional seat UPDATE, the
// member row, and after COMMIT the group view's three reads (group, members, their users).
import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import { expectOneRow } from './types';

const CAMPAIGN_COLUMNS =
  '`id`, `product_id` AS `productId`, `title`, `size`, `validity_hours` AS `validityHours`, `starts_at` AS `startsAt`, `ends_at` AS `endsAt`, `per_user_limit` AS `perUserLimit`, `new_users_only` AS `newUsersOnly`, `virtual_completion` AS `virtualCompletion`, `virtual_threshold_pct` AS `virtualThresholdPct`, `stack_with_coupons` AS `stackWithCoupons`, `enabled`, `created_at` AS `createdAt`, `updated_at` AS `updatedAt`';
const CAMPAIGN_SKU_COLUMNS =
  '`id`, `campaign_id` AS `campaignId`, `sku_id` AS `skuId`, `group_price_fen` AS `groupPriceFen`, `leader_price_fen` AS `leaderPriceFen`, `created_at` AS `createdAt`';
const GROUP_COLUMNS =
  '`id`, `code`, `campaign_id` AS `campaignId`, `leader_user_id` AS `leaderUserId`, `size`, `status`, `seats_taken` AS `seatsTaken`, `paid_count` AS `paidCount`, `opened_at` AS `openedAt`, `expires_at` AS `expiresAt`, `closed_at` AS `closedAt`, `close_reason` AS `closeReason`, `virtual_completed` AS `virtualCompleted`, `created_at` AS `createdAt`, `updated_at` AS `updatedAt`';
const MEMBER_COLUMNS =
  '`id`, `group_id` AS `groupId`, `campaign_id` AS `campaignId`, `user_id` AS `userId`, `order_id` AS `orderId`, `is_leader` AS `isLeader`, `status`, `holder_user_id` AS `holderUserId`, `paid_at` AS `paidAt`, `created_at` AS `createdAt`, `updated_at` AS `updatedAt`';
/** `eligibleCampaign`: the campaign and its price for the SKU. */
export async function eligibleCampaign(conn: PoolConnection, campaignId: number, skuId: number) {
  const [campaigns] = await conn.query<RowDataPacket[]>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM \`groupbuy_campaigns\` AS \`GroupbuyCampaign\` WHERE \`GroupbuyCampaign\`.\`id\` = ?;`,
    [campaignId],
  );
  const [prices] = await conn.query<RowDataPacket[]>(
    `SELECT ${CAMPAIGN_SKU_COLUMNS} FROM \`groupbuy_campaign_skus\` AS \`GroupbuyCampaignSku\` WHERE \`GroupbuyCampaignSku\`.\`campaign_id\` = ? AND \`GroupbuyCampaignSku\`.\`sku_id\` = ? LIMIT 1;`,
    [campaignId, skuId],
  );
  return { campaign: campaigns[0]!, price: prices[0]! };
}

export async function findGroup(conn: PoolConnection, code: string) {
  const [rows] = await conn.query<RowDataPacket[]>(
    `SELECT ${GROUP_COLUMNS} FROM \`groupbuy_groups\` AS \`GroupbuyGroup\` WHERE \`GroupbuyGroup\`.\`code\` = ? LIMIT 1;`,
    [code],
  );
  return rows[0];
}

export async function holds(conn: PoolConnection, groupId: number, userId: number) {
  const [rows] = await conn.query<RowDataPacket[]>(
    'SELECT count(*) AS `count` FROM `groupbuy_members` AS `GroupbuyMember` WHERE `GroupbuyMember`.`group_id` = ? AND `GroupbuyMember`.`holder_user_id` = ?;',
    [groupId, userId],
  );
  return Number(rows[0]!.count) > 0;
}

export async function insertGroup(
  conn: PoolConnection,
  code: string,
  campaignId: number,
  userId: number,
  size: number,
) {
  const now = new Date();
  const [res] = await conn.execute(
    'INSERT INTO `groupbuy_groups` (`id`,`code`,`campaign_id`,`leader_user_id`,`size`,`status`,`seats_taken`,`paid_count`,`virtual_completed`,`created_at`,`updated_at`) VALUES (DEFAULT,?,?,?,?,?,1,0,0,?,?);',
    [code, campaignId, userId, size, 'pending', now, now],
  );
  return (res as { insertId: number }).insertId;
}

/** `takeSeat`: the seat is taken only if the group is open, unexpired and not full. */
export async function takeSeat(conn: PoolConnection, groupId: number) {
  const now = new Date();
  const [res] = await conn.execute(
    'UPDATE `groupbuy_groups` SET `seats_taken`=seats_taken + 1,`updated_at`=? WHERE `id` = ? AND `status` = ? AND `expires_at` > ? AND `seats_taken` < `size`;',
    [now, groupId, 'open', now],
  );
  expectOneRow(res, `seat in group ${groupId}`);
}

export async function insertMember(
  conn: PoolConnection,
  m: { groupId: number; campaignId: number; userId: number; orderId: number; isLeader: boolean },
) {
  const now = new Date();
  await conn.execute(
    'INSERT INTO `groupbuy_members` (`id`,`group_id`,`campaign_id`,`user_id`,`order_id`,`is_leader`,`status`,`holder_user_id`,`created_at`,`updated_at`) VALUES (DEFAULT,?,?,?,?,?,?,?,?,?);',
    [m.groupId, m.campaignId, m.userId, m.orderId, m.isLeader ? 1 : 0, 'reserved', m.userId, now, now],
  );
}

/**
 * `groupView`, after COMMIT: the group, its members and their users (what the campaign shows of itself, its card,
 * comes from the server's memory: group-pages.ts `CampaignCards`).
 */
export async function groupView(conn: PoolConnection, code: string) {
  const group = (await findGroup(conn, code))!;
  const [members] = await conn.query<RowDataPacket[]>(
    `SELECT ${MEMBER_COLUMNS} FROM \`groupbuy_members\` AS \`GroupbuyMember\` WHERE \`GroupbuyMember\`.\`group_id\` IN (?) ORDER BY \`GroupbuyMember\`.\`id\` ASC;`,
    [group.id],
  );
  const userIds = members.map((m) => Number(m.userId));
  await conn.query('SELECT `id`, `nickname`, `avatar` FROM `users` AS `User` WHERE `User`.`id` IN (?);', [userIds]);
  return { group, members };
}

// Group-buy rules, pure and table-tested: campaign validity, prices, what a payment does to a group, what
// expiry decides, where a joiner goes when their group filled, and who leads when the leader leaves.
import type { GroupStatus } from './group-lifecycle';

export interface CampaignWindow {
  enabled: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
}

export function campaignActive(c: CampaignWindow, now: Date): boolean {
  if (!c.enabled) return false;
  if (c.startsAt && now < c.startsAt) return false;
  return !(c.endsAt && now >= c.endsAt);
}

export interface CampaignSkuPrice {
  skuId: number;
  listPriceFen: number;
  groupPriceFen: number;
  leaderPriceFen: number | null;
}

export type CampaignProblem = { field: string; message: string };

/**
 * What an operator may save: sizes 2–100, each SKU once, prices of at least 1 fen, leader ≤ group ≤ list price, a
 * sane window.
 */
export function campaignProblems(c: {
  size: number;
  validityHours: number;
  virtualThresholdPct: number;
  startsAt: Date | null;
  endsAt: Date | null;
  skus: CampaignSkuPrice[];
}): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  if (!Number.isInteger(c.size) || c.size < 2 || c.size > 100)
    problems.push({ field: 'size', message: '成团人数为 2–100' });
  if (!Number.isInteger(c.validityHours) || c.validityHours < 1 || c.validityHours > 720)
    problems.push({ field: 'validityHours', message: '有效期为 1–720 小时' });
  if (c.virtualThresholdPct < 1 || c.virtualThresholdPct > 100)
    problems.push({ field: 'virtualThresholdPct', message: '模拟成团门槛为 1–100%' });
  if (c.startsAt && c.endsAt && c.startsAt >= c.endsAt)
    problems.push({ field: 'endsAt', message: '结束时间须晚于开始时间' });
  if (!c.skus.length) problems.push({ field: 'skus', message: '至少设置一个规格的拼团价' });
  const seen = new Set<number>();
  for (const s of c.skus) {
    if (seen.has(s.skuId)) problems.push({ field: `skus.${s.skuId}`, message: `规格 ${s.skuId} 重复设置了拼团价` });
    seen.add(s.skuId);
  }
  for (const s of c.skus) {
    if (s.groupPriceFen < 1 || s.groupPriceFen > s.listPriceFen)
      problems.push({ field: `skus.${s.skuId}.groupPriceFen`, message: '拼团价须在 1 分与原价之间' });
    if (s.leaderPriceFen !== null && (s.leaderPriceFen < 1 || s.leaderPriceFen > s.groupPriceFen))
      problems.push({ field: `skus.${s.skuId}.leaderPriceFen`, message: '团长价须在 1 分与拼团价之间' });
  }
  return problems;
}

export function unitPriceFor(sku: CampaignSkuPrice, isLeader: boolean): number {
  return isLeader && sku.leaderPriceFen !== null ? sku.leaderPriceFen : sku.groupPriceFen;
}

export interface GroupCounts {
  status: GroupStatus;
  size: number;
  paidCount: number;
}

export type PaidEffect =
  /** the leader's payment opens the group (and starts its clock) */
  { open: true; complete: boolean } | { open: false; complete: boolean };

/** A member's payment: counted once; the group is complete when every seat is paid. */
export function afterMemberPaid(g: GroupCounts, isLeader: boolean): PaidEffect & { paidCount: number } {
  const paidCount = g.paidCount + 1;
  return { open: g.status === 'pending' && isLeader, complete: paidCount >= g.size, paidCount };
}

export type ExpiryDecision = 'succeeded_virtually' | 'failed';

/** An expired open group: virtual completion when enabled and enough seats are real and paid, else failed. */
export function decideExpiry(g: GroupCounts, virtual: { enabled: boolean; thresholdPct: number }): ExpiryDecision {
  if (virtual.enabled && g.paidCount > 0 && g.paidCount * 100 >= virtual.thresholdPct * g.size)
    return 'succeeded_virtually';
  return 'failed';
}

export interface JoinableGroup {
  id: number;
  code: string;
  status: GroupStatus;
  size: number;
  seatsTaken: number;
  expiresAt: Date | null;
  memberUserIds: number[];
}

export function joinable(g: JoinableGroup, userId: number, now: Date): boolean {
  return (
    g.status === 'open' &&
    g.seatsTaken < g.size &&
    !!g.expiresAt &&
    g.expiresAt > now &&
    !g.memberUserIds.includes(userId)
  );
}

/** Where a joiner goes when their group filled: the open group closest to completing, then the soonest to expire. */
export function rankAlternatives(groups: JoinableGroup[], userId: number, now: Date): JoinableGroup[] {
  return groups
    .filter((g) => joinable(g, userId, now))
    .sort(
      (a, b) =>
        a.size - a.seatsTaken - (b.size - b.seatsTaken) ||
        a.expiresAt!.getTime() - b.expiresAt!.getTime() ||
        a.id - b.id,
    );
}

/** The next leader when the leader's seat is refunded: the earliest paid member who stays. */
export function nextLeader<M extends { userId: number; status: string; paidAt: Date | null; id: number }>(
  members: M[],
  leavingUserId: number,
): M | undefined {
  return members
    .filter((m) => m.userId !== leavingUserId && m.status === 'paid')
    .sort((a, b) => (a.paidAt?.getTime() ?? 0) - (b.paidAt?.getTime() ?? 0) || a.id - b.id)[0];
}

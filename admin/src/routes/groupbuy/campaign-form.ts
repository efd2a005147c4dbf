// The campaign editor's values and the API body, both ways, kept out of the component so the rules read plainly.
import type { AdminProductDetail, Campaign } from '@contracts';
import { fenToYuan, yuanToFen } from '@display';
import type { Dayjs } from 'dayjs';
import { fromPickerValue, toPickerValue } from '../../shared/time/picker';
import type { CampaignBody } from './api';

export interface CampaignValues {
  productId?: number;
  title?: string;
  size: number;
  validityHours: number;
  perUserLimit: number;
  newUsersOnly: boolean;
  virtualCompletion: boolean;
  virtualThresholdPct: number;
  stackWithCoupons: boolean;
  enabled: boolean;
  /** the sale window in China time; either end may be open */
  window?: [Dayjs | null, Dayjs | null] | null;
  /** yuan as typed, per SKU id */
  prices?: Record<string, { group?: string; leader?: string }>;
}

export const NEW_CAMPAIGN: CampaignValues = {
  size: 2,
  validityHours: 24,
  perUserLimit: 0,
  newUsersOnly: false,
  virtualCompletion: false,
  virtualThresholdPct: 50,
  stackWithCoupons: false,
  enabled: true,
  window: null,
};

export function campaignValues(c: Campaign): CampaignValues {
  const { skus, startsAt, endsAt } = c;
  return {
    ...pickRules(c),
    productId: c.productId,
    title: c.title,
    window: startsAt || endsAt ? [toPickerValue(startsAt), toPickerValue(endsAt)] : null,
    prices: Object.fromEntries(
      skus.map((s) => [
        String(s.skuId),
        { group: fenToYuan(s.groupPriceFen), leader: s.leaderPriceFen === null ? '' : fenToYuan(s.leaderPriceFen) },
      ]),
    ),
  };
}

/** The body to save, or what is wrong with the values in words an operator reads. */
export function campaignBodyOf(
  v: CampaignValues,
  product: AdminProductDetail | undefined,
): { body: CampaignBody } | { error: string } {
  if (!v.productId || !product) return { error: '请选择商品' };
  const skus = [];
  for (const s of product.skus) {
    const typed = v.prices?.[String(s.id)];
    if (!typed?.group?.trim()) continue;
    const group = yuanToFen(typed.group);
    const leader = typed.leader?.trim() ? yuanToFen(typed.leader) : null;
    if (group === null || group === 0 || (typed.leader?.trim() && !leader))
      return { error: '价格格式不正确（如 59.9，最多两位小数）' };
    skus.push({ skuId: s.id, groupPriceFen: group, leaderPriceFen: leader });
  }
  if (!skus.length) return { error: '至少给一个规格填写拼团价' };
  const [start, end] = v.window ?? [null, null];
  const startsAt = fromPickerValue(start);
  const endsAt = fromPickerValue(end);
  if (startsAt && endsAt && startsAt >= endsAt) return { error: '结束时间须晚于开始时间' };
  const title = v.title?.trim() || undefined;
  return { body: { ...pickRules(v), productId: v.productId, title, skus, startsAt, endsAt } };
}

/** The rule fields, the same in the values and the body. */
function pickRules(v: Omit<CampaignValues, 'window' | 'prices'>) {
  const { size, validityHours, perUserLimit, newUsersOnly, virtualCompletion, virtualThresholdPct } = v;
  return {
    size,
    validityHours,
    perUserLimit,
    newUsersOnly,
    virtualCompletion,
    virtualThresholdPct,
    stackWithCoupons: v.stackWithCoupons,
    enabled: v.enabled,
  };
}

// Campaigns: operators create and edit them; consumers see the active ones with their group prices and the
// open groups that need few people.
import { Op } from 'sequelize';
import type { z } from 'zod';
import type { Campaign, CampaignInput, CampaignListQuery } from '../../../contracts/groupbuy';
import type { OperatorRef } from '../../../platform/audit/audit-log';
import { inTransaction } from '../../../platform/db/transaction';
import { campaignPriceTags } from '../../../contracts/display';
import { campaignActive, campaignProblems } from '../domain/rules';
import { GroupbuyErrors } from '../errors';
import type { CampaignAttrs } from '../persistence/models';
import type { GroupbuyDeps } from './ports';
import { pageWindow } from '../../../kernel/paging';

type Input = z.output<typeof CampaignInput>;

async function checked(deps: GroupbuyDeps, input: Input) {
  const skus = await deps.catalog.skuSnapshots(
    undefined,
    input.skus.map((s) => s.skuId),
  );
  for (const s of input.skus) {
    const sku = skus.get(s.skuId);
    if (!sku || sku.productId !== input.productId)
      throw GroupbuyErrors.CAMPAIGN_INVALID({ field: `skus.${s.skuId}` }, '规格不属于该商品');
  }
  const problems = campaignProblems({
    ...input,
    skus: input.skus.map((s) => ({ ...s, listPriceFen: skus.get(s.skuId)!.priceFen })),
  });
  if (problems.length) throw GroupbuyErrors.CAMPAIGN_INVALID({ problems }, problems[0]!.message);
  return skus;
}

/** Creates (no `id`) or replaces a campaign with its SKU prices; audited with before and after. */
export async function saveCampaign(
  deps: GroupbuyDeps,
  by: OperatorRef,
  input: Input,
  id?: number,
): Promise<{ id: number }> {
  const skus = await checked(deps, input);
  const title = input.title || skus.get(input.skus[0]!.skuId)!.title;
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const { skus: lines, ...fields } = input;
    let campaignId = id;
    let before: unknown;
    if (campaignId) {
      const row = await deps.models.Campaign.findByPk(campaignId, {
        transaction: t,
        lock: deps.db.rowLocks ? t.LOCK.UPDATE : undefined,
      });
      if (!row) throw GroupbuyErrors.CAMPAIGN_NOT_FOUND();
      const prices = await deps.models.CampaignSku.findAll({ where: { campaignId }, transaction: t });
      before = { ...row.get({ plain: true }), skus: prices.map((p) => p.get({ plain: true })) };
      await deps.models.Campaign.update({ ...fields, title }, { where: { id: campaignId }, transaction: t });
      await deps.models.CampaignSku.destroy({ where: { campaignId }, transaction: t });
    } else {
      campaignId = (await deps.models.Campaign.create({ ...fields, title }, { transaction: t })).getDataValue('id');
    }
    await deps.models.CampaignSku.bulkCreate(
      lines.map((l) => ({ campaignId: campaignId!, ...l })),
      { transaction: t },
    );
    await deps.audit.record(t, by, {
      action: id ? 'groupbuy.campaign.update' : 'groupbuy.campaign.create',
      entity: 'groupbuy_campaign',
      entityId: campaignId,
      before,
      after: { ...fields, title, skus: lines },
    });
    t.afterCommit(() => deps.campaignCards.changed(campaignId!));
    return { id: campaignId };
  });
}

export async function campaignViews(deps: GroupbuyDeps, rows: CampaignAttrs[]): Promise<z.input<typeof Campaign>[]> {
  if (!rows.length) return [];
  const prices = await deps.models.CampaignSku.findAll({ where: { campaignId: { [Op.in]: rows.map((r) => r.id) } } });
  const skus = await deps.catalog.skuSnapshots(
    undefined,
    prices.map((p) => p.getDataValue('skuId')),
  );
  const now = deps.clock.now();
  return rows.map((c) => {
    const lines = prices
      .filter((p) => p.getDataValue('campaignId') === c.id)
      .map((p) => {
        const sku = skus.get(p.getDataValue('skuId'));
        return {
          skuId: p.getDataValue('skuId'),
          specs: sku?.specs ?? {},
          listPriceFen: sku?.priceFen ?? 0,
          groupPriceFen: p.getDataValue('groupPriceFen'),
          leaderPriceFen: p.getDataValue('leaderPriceFen') ?? null,
          stock: sku?.stock ?? 0,
        };
      });
    const first = skus.get(lines[0]?.skuId ?? 0);
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      id: c.id,
      productId: c.productId,
      title: c.title,
      image: first?.image ?? null,
      size: c.size,
      validityHours: c.validityHours,
      startsAt: iso(c.startsAt),
      endsAt: iso(c.endsAt),
      perUserLimit: c.perUserLimit,
      newUsersOnly: !!c.newUsersOnly,
      virtualCompletion: !!c.virtualCompletion,
      virtualThresholdPct: c.virtualThresholdPct,
      stackWithCoupons: !!c.stackWithCoupons,
      enabled: !!c.enabled,
      active: campaignActive({ enabled: !!c.enabled, startsAt: c.startsAt, endsAt: c.endsAt }, now),
      skus: lines,
      prices: campaignPriceTags(lines),
    };
  });
}

export async function loadCampaign(deps: GroupbuyDeps, id: number) {
  const row = await deps.models.Campaign.findByPk(id);
  if (!row) throw GroupbuyErrors.CAMPAIGN_NOT_FOUND();
  return row.get({ plain: true });
}

export async function getCampaign(deps: GroupbuyDeps, id: number) {
  return (await campaignViews(deps, [await loadCampaign(deps, id)]))[0]!;
}

/** Admin: every campaign; consumers: only active ones (optionally for one product). */
export async function listCampaigns(deps: GroupbuyDeps, q: z.output<typeof CampaignListQuery>, onlyActive: boolean) {
  const now = deps.clock.now();
  const where = {
    ...(q.productId ? { productId: q.productId } : {}),
    ...(onlyActive
      ? {
          enabled: true,
          [Op.and]: [
            { [Op.or]: [{ startsAt: null }, { startsAt: { [Op.lte]: now } }] },
            { [Op.or]: [{ endsAt: null }, { endsAt: { [Op.gt]: now } }] },
          ],
        }
      : {}),
  };
  const { rows, count } = await deps.models.Campaign.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    ...pageWindow(q),
  });
  return {
    total: count,
    items: await campaignViews(
      deps,
      rows.map((r) => r.get({ plain: true })),
    ),
  };
}

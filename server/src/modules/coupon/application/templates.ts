// Operators' templates: created (audited) when their terms are possible (domain/rules.ts), and read with their
// figures — claimed (the total quota's counter), used, remaining.
import type { z } from 'zod';
import type { AdminCoupon, AdminCouponList, CouponInput } from '../../../contracts/coupon';
import { pageWindow } from '../../../kernel/paging';
import { PlatformErrors } from '../../../kernel/errors';
import type { OperatorRef } from '../../../platform/audit/audit-log';
import { inTransaction } from '../../../platform/db/transaction';
import { templateProblem, termsOf } from '../domain/rules';
import { CouponErrors } from '../errors';
import type { TemplateAttrs } from '../persistence/models';
import type { CouponDeps } from './ports';

export const totalQuota = (couponId: number) => `coupon:${couponId}:total`;
export const userQuota = (couponId: number, userId: number) => `coupon:${couponId}:user:${userId}`;

export async function createTemplate(deps: CouponDeps, by: OperatorRef, input: CouponInput): Promise<{ id: number }> {
  const problem = templateProblem(input);
  if (problem) throw PlatformErrors.VALIDATION_FAILED([{ path: 'type', message: problem }]);
  const terms = termsOf(input);
  const v = input.validity;
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const row = await deps.models.Template.create(
      {
        name: input.name,
        ...terms,
        scopeKind: input.scope.kind,
        scopeIdsJson: input.scope.kind === 'all' ? null : JSON.stringify([...new Set(input.scope.ids)]),
        validityKind: v.kind,
        validStartAt: v.kind === 'fixed' ? v.startAt : null,
        validEndAt: v.kind === 'fixed' ? v.endAt : null,
        validDays: v.kind === 'days' ? v.days : null,
        claimStartAt: input.claimStartAt ?? null,
        claimEndAt: input.claimEndAt ?? null,
        total: input.total,
        perUserLimit: input.perUserLimit,
        claimable: input.claimable,
        stackWithCampaigns: input.stackWithCampaigns,
      },
      { transaction: t },
    );
    const id = row.getDataValue('id');
    await deps.audit.record(t, by, {
      action: 'coupon.create',
      entity: 'coupon_template',
      entityId: id,
      before: null,
      after: { name: input.name, ...terms, total: input.total, perUserLimit: input.perUserLimit },
    });
    return { id };
  });
}

export async function loadTemplate(deps: CouponDeps, id: number): Promise<TemplateAttrs> {
  const row = await deps.models.Template.findByPk(id);
  if (!row) throw CouponErrors.COUPON_NOT_FOUND();
  return row.get({ plain: true });
}

export const validityOfTemplate = (t: TemplateAttrs) =>
  t.validityKind === 'fixed'
    ? { kind: 'fixed' as const, startAt: t.validStartAt!, endAt: t.validEndAt! }
    : { kind: 'days' as const, days: t.validDays! };

export const termsOfTemplate = (t: TemplateAttrs) => ({
  id: t.id,
  name: t.name,
  type: t.type,
  thresholdFen: t.thresholdFen,
  amountOffFen: t.amountOffFen,
  percentOff: t.percentOff,
  maxOffFen: t.maxOffFen,
});

/** Claimed copies: the total quota's counter (what the claims took, atomically). */
export const claimedOf = (deps: CouponDeps, couponId: number) => deps.quotas.used(undefined, totalQuota(couponId));

export async function adminTemplate(deps: CouponDeps, id: number): Promise<z.input<typeof AdminCoupon>> {
  return adminView(deps, await loadTemplate(deps, id));
}

/** The console's list, newest first, paged on the server. */
export async function adminTemplates(
  deps: CouponDeps,
  q: { page: number; pageSize: number },
): Promise<z.input<typeof AdminCouponList>> {
  const { rows, count } = await deps.models.Template.findAndCountAll({ order: [['id', 'DESC']], ...pageWindow(q) });
  const items = [];
  for (const r of rows) items.push(await adminView(deps, r.get({ plain: true })));
  return { items, total: count };
}

async function adminView(deps: CouponDeps, t: TemplateAttrs): Promise<z.input<typeof AdminCoupon>> {
  const id = t.id;
  const claimed = await claimedOf(deps, id);
  const used = await deps.models.UserCoupon.count({ where: { couponId: id, status: 'used' } });
  const v = validityOfTemplate(t);
  return {
    ...termsOfTemplate(t),
    scope: t.scopeKind === 'all' ? { kind: 'all' } : { kind: t.scopeKind, ids: JSON.parse(t.scopeIdsJson ?? '[]') },
    validity:
      v.kind === 'fixed'
        ? { kind: 'fixed', startAt: v.startAt.toISOString(), endAt: v.endAt.toISOString() }
        : { kind: 'days', days: v.days },
    claimStartAt: t.claimStartAt?.toISOString() ?? null,
    claimEndAt: t.claimEndAt?.toISOString() ?? null,
    total: t.total,
    perUserLimit: t.perUserLimit,
    claimable: t.claimable,
    stackWithCampaigns: t.stackWithCampaigns,
    enabled: t.enabled,
    claimed,
    used,
    remaining: Math.max(0, t.total - claimed),
  };
}

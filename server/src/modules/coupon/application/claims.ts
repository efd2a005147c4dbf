// Claiming (领券) and the shopper's coupons. A claim takes the user's quota and then the template's total, both
// kit quotas in one transaction: racing claims queue on the counter rows and exactly as many pass as the limits
// allow (never count-then-insert). The copy gets its own validity window from the template's.
import { Op } from 'sequelize';
import type { z } from 'zod';
import type { ClaimedCoupon, MyCouponList, ShopCouponList } from '../../../contracts/coupon';
import { inTransaction } from '../../../platform/db/transaction';
import { claimOpen, validityOf } from '../domain/rules';
import type { UserCouponStatus } from '../domain/user-coupon-lifecycle';
import { CouponErrors } from '../errors';
import type { TemplateAttrs } from '../persistence/models';
import type { CouponDeps } from './ports';
import { claimedOf, loadTemplate, termsOfTemplate, totalQuota, userQuota, validityOfTemplate } from './templates';

const openNow = (t: TemplateAttrs, now: Date) => claimOpen({ ...t, validity: validityOfTemplate(t) }, now);

export async function claim(
  deps: CouponDeps,
  userId: number,
  couponId: number,
): Promise<z.input<typeof ClaimedCoupon>> {
  const t = await loadTemplate(deps, couponId);
  const now = deps.clock.now();
  if (!openNow(t, now)) throw CouponErrors.COUPON_NOT_CLAIMABLE();
  return inTransaction(deps.sequelize, deps.db, async (tx) => {
    // the user's limit first, then the total: every claim takes the two rows in the same order (no deadlock)
    if (!(await deps.quotas.take(tx, userQuota(couponId, userId), t.perUserLimit)))
      throw CouponErrors.COUPON_LIMIT_REACHED();
    if (!(await deps.quotas.take(tx, totalQuota(couponId), t.total))) throw CouponErrors.COUPON_SOLD_OUT();
    const { validFrom, validUntil } = validityOf(validityOfTemplate(t), now);
    const copy = await deps.models.UserCoupon.create(
      { couponId, userId, status: 'available', validFrom, validUntil, orderId: null },
      { transaction: tx },
    );
    return {
      userCouponId: copy.getDataValue('id'),
      validFrom: validFrom.toISOString(),
      validUntil: validUntil.toISOString(),
    };
  });
}

/** Templates claimable now with copies left, for a product when given (its scope covers the product). */
export async function claimableCoupons(deps: CouponDeps, productId?: number): Promise<z.input<typeof ShopCouponList>> {
  const now = deps.clock.now();
  const rows = (
    await deps.models.Template.findAll({
      where: { claimable: true, enabled: true },
      order: [['id', 'DESC']],
      limit: 100,
    })
  ).map((r) => r.get({ plain: true }));
  const categories = productId ? await deps.catalog.productCategories(productId) : [];
  const covers = (t: TemplateAttrs) => {
    if (!productId || t.scopeKind === 'all') return true;
    const ids = JSON.parse(t.scopeIdsJson ?? '[]') as number[];
    return t.scopeKind === 'products' ? ids.includes(productId) : ids.some((id) => categories.includes(id));
  };
  const items = [];
  for (const t of rows.filter((r) => openNow(r, now) && covers(r))) {
    const remaining = Math.max(0, t.total - (await claimedOf(deps, t.id)));
    if (remaining > 0) items.push({ ...termsOfTemplate(t), remaining });
  }
  return { items };
}

/** The shopper's own copies by status; `available` ones whose window has passed show as expired already. */
export async function myCoupons(
  deps: CouponDeps,
  userId: number,
  status?: Exclude<UserCouponStatus, 'locked'>,
): Promise<z.input<typeof MyCouponList>> {
  const now = deps.clock.now();
  const where =
    status === 'available'
      ? { userId, status: ['available', 'locked'], validUntil: { [Op.gt]: now } }
      : status === 'expired'
        ? { userId, [Op.or]: [{ status: 'expired' }, { status: 'available', validUntil: { [Op.lte]: now } }] }
        : status === 'used'
          ? { userId, status: 'used' }
          : { userId };
  const copies = (
    await deps.models.UserCoupon.findAll({
      where,
      order: [
        ['validUntil', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: 200,
    })
  ).map((c) => c.get({ plain: true }));
  const templates = new Map(
    (await deps.models.Template.findAll({ where: { id: [...new Set(copies.map((c) => c.couponId))] } })).map((t) => [
      t.getDataValue('id'),
      t.get({ plain: true }),
    ]),
  );
  const items = copies.map((c) => {
    const { id: _id, ...terms } = termsOfTemplate(templates.get(c.couponId)!);
    const lapsed = c.status === 'available' && c.validUntil <= now;
    return {
      userCouponId: c.id,
      couponId: c.couponId,
      ...terms,
      status: lapsed ? ('expired' as const) : c.status,
      validFrom: c.validFrom.toISOString(),
      validUntil: c.validUntil.toISOString(),
    };
  });
  return { items, total: items.length };
}

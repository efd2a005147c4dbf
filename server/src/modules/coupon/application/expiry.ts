// The job `expire-coupons`: available copies whose window has passed become `expired`, in batches through the
// lifecycle (a locked copy is its unpaid order's until that order ends: a cancel after the window returns it as
// available and the next run expires it).
import { Op } from 'sequelize';
import { inTransaction } from '../../../platform/db/transaction';
import { moveStatus } from '../../../platform/db/status-move';
import { USER_COUPON_LIFECYCLE } from '../domain/user-coupon-lifecycle';
import type { CouponDeps } from './ports';

const BATCH = 1000;

export async function expireCoupons(deps: CouponDeps, now: Date): Promise<number> {
  let expired = 0;
  for (;;) {
    const due = await deps.models.UserCoupon.findAll({
      where: { status: 'available', validUntil: { [Op.lte]: now } },
      attributes: ['id'],
      order: [['id', 'ASC']],
      limit: BATCH,
    });
    if (!due.length) return expired;
    const ids = due.map((d) => d.getDataValue('id'));
    expired += await inTransaction(deps.sequelize, deps.db, (t) =>
      moveStatus(t, deps.models.UserCoupon, USER_COUPON_LIFECYCLE, { id: ids }, 'available', 'expired'),
    );
    if (due.length < BATCH) return expired;
  }
}

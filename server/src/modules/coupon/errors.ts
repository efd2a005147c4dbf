// Every error code coupons answer, declared once (kernel/errors.ts `defineErrors`).
import { defineErrors } from '../../kernel/errors';

export const CouponErrors = defineErrors('coupon', {
  COUPON_NOT_FOUND: { kind: 'not_found', message: '优惠券不存在' },
  COUPON_SOLD_OUT: { kind: 'conflict', message: '优惠券已领完' },
  COUPON_LIMIT_REACHED: { kind: 'conflict', message: '已达到这张券的领取上限' },
  COUPON_NOT_CLAIMABLE: { kind: 'conflict', message: '这张券现在不能领取' },
  /** a user-coupon move the lifecycle does not declare (USER_COUPON_LIFECYCLE) */
  USER_COUPON_STATE_INVALID: { kind: 'conflict', message: '优惠券的当前状态不允许这个操作' },
});

// A claimed coupon as data: an unpaid order holds it (`locked`), payment spends it (`used`), the unpaid order's
// cancel gives it back (`available`), and the expiry job ends what was never used.
import { defineLifecycle } from '../../../kernel/lifecycle';
import { CouponErrors } from '../errors';

export type UserCouponStatus = 'available' | 'locked' | 'used' | 'expired';

export const USER_COUPON_LIFECYCLE = defineLifecycle<UserCouponStatus>({
  name: 'user_coupon',
  errorCode: CouponErrors.USER_COUPON_STATE_INVALID.code,
  initial: ['available'],
  transitions: {
    available: ['locked', 'expired'],
    locked: ['used', 'available'],
    used: [],
    expired: [],
  },
});

// Coupons (优惠券): templates operators configure, and the copies shoppers claim —
//   domain/        the rules as data (possible templates, validity, the discount) and the user-coupon lifecycle
//   application/   templates (create, figures), claims (claim, claimable, mine)
//   persistence/   models; http/ thin routes; this file: the module's definition
// Claims are limited by the kit's quotas (total and per user). Checkout (the pricing step, the lock on an unpaid
// order, the per-line split) is the next slice (issue 24).
import { defineModule } from '../../kit/module';
import { expireCoupons } from './application/expiry';
import type { CouponDeps } from './application/ports';
import { couponRoutes } from './http/routes';
import { defineCouponModels, type CouponModels } from './persistence/models';

export { USER_COUPON_LIFECYCLE } from './domain/user-coupon-lifecycle';
export { CouponErrors } from './errors';
export type { CouponModels };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- coupons offer nothing to other modules yet
export interface CouponApi {}

declare module '../../kit/module' {
  interface ModuleApis {
    coupon: CouponApi;
  }
}

export const couponModule = defineModule({
  name: 'coupon',
  models: defineCouponModels,
  create(ctx, models) {
    const deps: CouponDeps = { ...ctx.rt, models, catalog: ctx.port('catalog') };
    return {
      api: {},
      routes: couponRoutes(deps),
      jobs: [
        {
          name: 'expire-coupons',
          schedule: '*/10 * * * *',
          run: async ({ now }) => ({ expired: await expireCoupons(deps, now) }),
        },
      ],
    };
  },
});

import { IdParam, Page } from '../../../contracts/common';
import {
  AdminCoupon,
  AdminCouponList,
  ClaimedCoupon,
  CouponInput,
  MyCouponList,
  MyCouponQuery,
  ShopCouponList,
  ShopCouponQuery,
} from '../../../contracts/coupon';
import { z } from '../../../contracts/zod';
import { ACCESS } from '../../../http/access';
import { operatorOf } from '../../../http/operator';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { claim, claimableCoupons, myCoupons } from '../application/claims';
import type { CouponDeps } from '../application/ports';
import { adminTemplate, adminTemplates, createTemplate } from '../application/templates';
import { CouponErrors as E } from '../errors';

const ops = ACCESS.campaignsWrite;

export function couponRoutes(deps: CouponDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/coupons',
      tags: ['admin'],
      access: ops,
      status: 201,
      summary: '创建优惠券模板（满减 / 折扣 / 无门槛；适用范围、有效期、总量与每人限领）',
      body: CouponInput,
      response: z.object({ id: z.number().int() }),
      handler: ({ body, actor, ctx }) => createTemplate(deps, operatorOf(actor, ctx), body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/coupons',
      tags: ['admin'],
      access: ops,
      summary: '优惠券模板列表（新建的在前，分页）与各自的已领、已用、剩余',
      query: Page,
      response: AdminCouponList,
      handler: ({ query }) => adminTemplates(deps, query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/coupons/:id',
      tags: ['admin'],
      access: ops,
      summary: '优惠券模板与数据：已领、已用、剩余',
      params: IdParam,
      response: AdminCoupon,
      errors: [E.COUPON_NOT_FOUND],
      handler: ({ params }) => adminTemplate(deps, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/coupons',
      tags: ['coupon'],
      access: 'public',
      summary: '现在可领的优惠券（给出 productId 时只列适用于该商品的）',
      query: ShopCouponQuery,
      response: ShopCouponList,
      handler: ({ query }) => claimableCoupons(deps, query.productId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/coupons/:id/claim',
      tags: ['coupon'],
      access: 'consumer',
      status: 201,
      summary: '领取优惠券（总量与每人限领均为原子配额）',
      params: IdParam,
      response: ClaimedCoupon,
      rateLimit: { points: 30, durationSec: 60 },
      errors: [E.COUPON_NOT_FOUND, E.COUPON_NOT_CLAIMABLE, E.COUPON_SOLD_OUT, E.COUPON_LIMIT_REACHED],
      handler: ({ params, actor }) => claim(deps, actor.userId, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/me/coupons',
      tags: ['coupon'],
      access: 'consumer',
      summary: '我的优惠券：可用 / 已用 / 已过期',
      query: MyCouponQuery,
      response: MyCouponList,
      handler: ({ query, actor }) => myCoupons(deps, actor.userId, query.status),
    }),
  ];
}

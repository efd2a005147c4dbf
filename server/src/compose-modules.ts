// The composition root's list of feature modules. Adding a module is adding its folder and one line here
// (docs/architecture.md, "How to add a module"); the kit assembles them (kit/registry.ts).
import { addressModule } from './modules/address';
import { afterSaleModule } from './modules/after-sale';
import { auditModule } from './modules/audit';
import { cartModule } from './modules/cart';
import { couponModule } from './modules/coupon';
import { catalogModule } from './modules/catalog';
import { groupbuyModule } from './modules/groupbuy';
import { identityModule } from './modules/identity';
import { notificationModule } from './modules/notification';
import { orderModule } from './modules/order';
import { paymentModule } from './modules/payment';
import { seckillModule } from './modules/seckill';

export const MODULES = [
  identityModule,
  catalogModule,
  addressModule,
  cartModule,
  notificationModule,
  orderModule,
  paymentModule,
  afterSaleModule,
  groupbuyModule,
  seckillModule,
  couponModule,
  auditModule,
] as const;

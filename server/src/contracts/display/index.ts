// What the server, the admin and the shop show to people: money, status labels, China time. Pure TypeScript with
// no imports (no zod, no node): the admin and the mini-program bundle it as `@display`.
export * from './money';
export * from './labels';
export * from './time';
export * from './after-sale';
export * from './price';
export * from './order-facts';
export * from './seckill';
export * from './coupon';

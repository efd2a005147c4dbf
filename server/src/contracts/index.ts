// The wire contracts of the API. Admin and miniapp import these *types*; the server validates with the schemas.
export * from './common';
export * from './auth';
export * from './operators';
export * from './catalog';
export * from './order';
export * from './payment';
export * from './after-sale';
export * from './groupbuy';
export * from './audit';
export * from './seckill';
export * from './coupon';

/** the order kind seckill declares (orders.kind) */
export const SECKILL_KIND = 'seckill';

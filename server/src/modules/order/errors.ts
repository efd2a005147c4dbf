// Every error code the order module answers, declared once (kernel/errors.ts `defineErrors`): thrown as
// `OrderErrors.ORDER_NOT_FOUND(details?, message?)` and listed in the routes' `errors`, which document them.
// Other modules that answer one of these codes import it from the module's index.
import { defineErrors } from '../../kernel/errors';

export const OrderErrors = defineErrors('order', {
  ORDER_NOT_FOUND: { kind: 'not_found', message: '订单不存在' },
  /** also the order lifecycle's code (ORDER_LIFECYCLE): a move its table does not declare */
  ORDER_STATE_INVALID: { kind: 'conflict', message: '订单当前状态不允许这个操作' },
  ORDER_ALREADY_PAID: { kind: 'conflict', message: '订单已支付' },
  ORDER_AMOUNT_INVALID: { kind: 'conflict', message: '订单金额不能为 0' },
  SKU_UNAVAILABLE: { kind: 'invalid', message: '商品不存在或已下架' },
  // the price pipeline (domain/pricing.ts): a step's failure is a typed 4xx, never a bare throw
  PRICING_FAILED: { kind: 'invalid', message: '计价结果不是合法金额' },
  ORDER_AMOUNT_TOO_LARGE: { kind: 'invalid', message: '订单金额超出上限，请减少数量后分开下单' },
  DISCOUNT_EXCEEDS_TOTAL: { kind: 'invalid', message: '优惠金额超过商品金额' },
});

/** What pricing items answers (the checkout preview and every order placement run it). */
export const PRICING_ERRORS = [
  OrderErrors.SKU_UNAVAILABLE,
  OrderErrors.PRICING_FAILED,
  OrderErrors.ORDER_AMOUNT_TOO_LARGE,
  OrderErrors.DISCOUNT_EXCEEDS_TOTAL,
] as const;

/**
 * What placing an order answers from this module (`OrderApi.placeIn` included); the caller adds the catalog's
 * STOCK_INSUFFICIENT and its own address and idempotency errors.
 */
export const ORDER_PLACEMENT_ERRORS = [...PRICING_ERRORS, OrderErrors.ORDER_AMOUNT_INVALID] as const;

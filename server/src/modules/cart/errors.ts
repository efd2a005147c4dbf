// Every error code the cart answers, declared once (kernel/errors.ts `defineErrors`): thrown as
// `CartErrors.CART_ITEM_NOT_FOUND()` and listed in the routes' `errors`, which document them.
import { defineErrors } from '../../kernel/errors';

export const CartErrors = defineErrors('cart', {
  SKU_NOT_FOUND: { kind: 'not_found', message: '商品规格不存在' },
  CART_ITEM_NOT_FOUND: { kind: 'not_found', message: '购物车商品不存在' },
});

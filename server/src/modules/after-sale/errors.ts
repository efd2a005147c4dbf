// Every error code after-sales answer, declared once (kernel/errors.ts `defineErrors`): thrown as
// `AfterSaleErrors.AFTER_SALE_OPEN(details?, message?)` and listed in the routes' `errors`, which document them.
import { defineErrors } from '../../kernel/errors';

export const AfterSaleErrors = defineErrors('after-sale', {
  AFTER_SALE_NOT_FOUND: { kind: 'not_found', message: '售后申请不存在' },
  /** also the after-sale lifecycle's code (AFTER_SALE_LIFECYCLE): a move its table does not declare */
  AFTER_SALE_STATE_INVALID: { kind: 'conflict', message: '售后申请当前状态不允许这个操作' },
  AFTER_SALE_NOT_ALLOWED: { kind: 'conflict', message: '该订单当前不能申请这种售后' },
  AFTER_SALE_OPEN: { kind: 'conflict', message: '该订单已有进行中的售后申请' },
  AFTER_SALE_NOTHING_REFUNDABLE: { kind: 'conflict', message: '该订单已没有可退金额' },
  AFTER_SALE_QUANTITY_INVALID: { kind: 'invalid', message: '申请数量超过可售后数量' },
  AFTER_SALE_PHOTO_LIMIT: { kind: 'conflict', message: '每个售后申请最多上传 3 张图片' },
  /** a return cannot be approved before the buyer can be told where to send it */
  RETURN_ADDRESS_MISSING: { kind: 'conflict', message: '请先在「设置」中填写退货地址' },
});

// Every error code the payment module answers, declared once (kernel/errors.ts `defineErrors`): thrown as
// `PaymentErrors.ORDER_NOT_PAYABLE(details?, message?)` and listed in the routes' `errors`, which document them.
// Other modules that answer one of these codes import it from the module's index.
import { defineErrors } from '../../kernel/errors';

export const PaymentErrors = defineErrors('payment', {
  ORDER_NOT_PAYABLE: { kind: 'conflict', message: '订单不是待付款状态' },
  ORDER_PAYMENT_EXPIRED: { kind: 'conflict', message: '订单已超过支付时限' },
  CHANNEL_LOGIN_REQUIRED: { kind: 'conflict', message: '请先用该渠道登录后再支付' },
  PAYMENT_CHANNEL_UNAVAILABLE: { kind: 'unavailable', message: '支付渠道暂时不可用，请稍后重试' },
  ORDER_NOT_PAID: { kind: 'conflict', message: '订单没有可退款的支付' },
  REFUND_EXCEEDS_PAID: { kind: 'conflict', message: '退款金额超过可退金额' },
  /** a payment move the lifecycle does not declare (PAYMENT_LIFECYCLE) */
  PAYMENT_STATE_INVALID: { kind: 'conflict', message: '支付单当前状态不允许这个操作' },
  /** a refund move the lifecycle does not declare (REFUND_LIFECYCLE) */
  REFUND_STATE_INVALID: { kind: 'conflict', message: '退款单当前状态不允许这个操作' },
});

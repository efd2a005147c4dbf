// Every error code seckill answers, declared once (kernel/errors.ts `defineErrors`).
import { defineErrors } from '../../kernel/errors';

export const SeckillErrors = defineErrors('seckill', {
  INVALID_SESSION: { kind: 'invalid', message: '场次须为整点，且开始早于结束、时长不超过 24 小时' },
  SESSION_NOT_FOUND: { kind: 'not_found', message: '秒杀场次不存在' },
  SESSION_ENDED: { kind: 'conflict', message: '秒杀场次已结束' },
  ITEM_NOT_FOUND: { kind: 'not_found', message: '秒杀商品不存在' },
  ITEM_EXISTS: { kind: 'conflict', message: '这个规格已在本场次中' },
  SESSION_NOT_OPEN: { kind: 'conflict', message: '秒杀未开始或已结束' },
  SOLD_OUT: { kind: 'conflict', message: '已抢光' },
  LIMIT_REACHED: { kind: 'conflict', message: '已达到每人限购数量' },
  SECKILL_BUSY: { kind: 'unavailable', message: '抢购人数过多，请稍后再试' },
  ATTEMPT_NOT_FOUND: { kind: 'not_found', message: '抢购记录不存在' },
  REMINDER_CLOSED: { kind: 'conflict', message: '本场已开抢或已结束，无需提醒' },
  /** a purchase move the lifecycle does not declare (PURCHASE_LIFECYCLE) */
  PURCHASE_STATE_INVALID: { kind: 'conflict', message: '秒杀订单的当前状态不允许这个操作' },
});

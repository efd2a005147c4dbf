// Every error code group buy answers, declared once (kernel/errors.ts `defineErrors`): thrown as
// `GroupbuyErrors.GROUP_FULL(details?, message?)` and listed in the routes' `errors`, which document them.
import { defineErrors } from '../../kernel/errors';

export const GroupbuyErrors = defineErrors('groupbuy', {
  CAMPAIGN_NOT_FOUND: { kind: 'not_found', message: '拼团活动不存在' },
  CAMPAIGN_INVALID: { kind: 'invalid', message: '拼团活动设置不合法' },
  CAMPAIGN_NOT_ACTIVE: { kind: 'conflict', message: '拼团活动未开始或已结束' },
  SKU_NOT_IN_CAMPAIGN: { kind: 'invalid', message: '该规格不参加拼团' },
  GROUPBUY_NEW_USERS_ONLY: { kind: 'conflict', message: '该拼团仅限新用户参加' },
  GROUPBUY_LIMIT_REACHED: { kind: 'conflict', message: '已达到每人参团次数上限' },
  GROUP_NOT_FOUND: { kind: 'not_found', message: '团不存在' },
  ALREADY_IN_GROUP: { kind: 'conflict', message: '你已在这个团里了' },
  GROUP_FULL: { kind: 'conflict', message: '这个团已满或已结束' },
  /** a group move the lifecycle does not declare (GROUP_LIFECYCLE) */
  GROUP_STATE_INVALID: { kind: 'conflict', message: '团的当前状态不允许这个操作' },
  /** a member move the lifecycle does not declare (MEMBER_LIFECYCLE) */
  MEMBER_STATE_INVALID: { kind: 'conflict', message: '团员的当前状态不允许这个操作' },
});

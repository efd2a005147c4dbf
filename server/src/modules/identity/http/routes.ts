import {
  AdminLoginRequest,
  AdminLoginResponse,
  AlipayLoginRequest,
  ConsumerUser,
  LoginResponse,
  Operator,
  PhoneLoginRequest,
  SmsCodeRequest,
  SmsCodeResponse,
  UpdateProfileRequest,
  WechatLoginRequest,
} from '../../../contracts/auth';
import {
  ChangeOwnPasswordRequest,
  CreateOperatorRequest,
  OperatorList,
  OperatorListQuery,
  OperatorSummary,
  ResetOperatorPasswordRequest,
  SetOperatorRoleRequest,
  SetOperatorStatusRequest,
} from '../../../contracts/operators';
import { IdParam } from '../../../contracts/common';
import { ACCESS } from '../../../http/access';
import { operatorOf } from '../../../http/operator';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { loginWithAlipay, loginWithPhone, loginWithWechat } from '../application/consumer-login';
import { LOGIN_FAILURES } from '../application/login-guard';
import { changeOwnPassword, getOperator, operatorLogin } from '../application/operator-auth';
import {
  addOperator,
  listOperators,
  resetOperatorPassword,
  setOperatorDisabled,
  setOperatorRole,
} from '../application/operators';
import { requestPhoneCode } from '../application/phone-code';
import { getConsumer, updateProfile } from '../application/profile';
import type { IdentityDeps } from '../application/ports';
import { IdentityErrors as E } from '../errors';
import { PlatformErrors as P } from '../../../kernel/errors';

const tags = ['identity'];
const LOGIN_RATE = { points: 30, durationSec: 60, by: 'ip' as const };
const { ip: ipFailures, account: accountFailures } = LOGIN_FAILURES;
const loginLocked = {
  error: P.RATE_LIMITED,
  when:
    `同一来源 IP 失败 ${ipFailures.limit} 次后锁定 ${ipFailures.windowSec / 60} 分钟；` +
    `同一账号（不论用户名的大小写、全半角、空格、重音写法）失败 ${accountFailures.limit} 次后锁定 ${accountFailures.windowSec / 60} 分钟`,
};
/** what a new password may be refused for */
const passwordRule = [E.PASSWORD_TOO_SHORT, E.PASSWORD_TOO_LONG, E.PASSWORD_TOO_WEAK];
/** a platform identity whose user row is gone */
const userGone = { error: P.NOT_FOUND, when: '用户不存在' };

export function identityRoutes(deps: IdentityDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/auth/wechat/login',
      tags,
      access: 'public',
      summary: '微信小程序登录：Taro.login 的 code 换会话',
      body: WechatLoginRequest,
      response: LoginResponse,
      rateLimit: LOGIN_RATE,
      errors: [
        P.WECHAT_CODE_INVALID,
        P.WECHAT_USER_RISKY,
        P.WECHAT_UNAVAILABLE,
        { error: P.RATE_LIMITED, when: '微信接口调用过于频繁' },
        userGone,
      ],
      handler: ({ body }) => loginWithWechat(deps, body.code),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/auth/alipay/login',
      tags,
      access: 'public',
      summary: '支付宝小程序登录：my.getAuthCode 的 authCode 换会话',
      body: AlipayLoginRequest,
      response: LoginResponse,
      rateLimit: LOGIN_RATE,
      errors: [P.ALIPAY_CODE_INVALID, P.ALIPAY_UNAVAILABLE, userGone],
      handler: ({ body }) => loginWithAlipay(deps, body.code),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/auth/h5/sms-code',
      tags,
      access: 'public',
      summary: 'H5 登录：发送短信验证码（沙箱模式直接返回验证码）',
      body: SmsCodeRequest,
      response: SmsCodeResponse,
      rateLimit: { points: 20, durationSec: 60, by: 'ip' },
      errors: [{ error: P.RATE_LIMITED, when: '同一手机号 60 秒内只发一次、每小时最多 10 次' }, P.SMS_UNAVAILABLE],
      handler: ({ body }) => requestPhoneCode(deps, body.phone),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/auth/h5/login',
      tags,
      access: 'public',
      summary: 'H5 登录：手机号 + 验证码',
      body: PhoneLoginRequest,
      response: LoginResponse,
      rateLimit: LOGIN_RATE,
      errors: [
        E.LOGIN_CODE_NO_CODE,
        E.LOGIN_CODE_EXPIRED,
        E.LOGIN_CODE_USED,
        E.LOGIN_CODE_TOO_MANY_ATTEMPTS,
        E.LOGIN_CODE_MISMATCH,
        userGone,
      ],
      handler: ({ body }) => loginWithPhone(deps, body.phone, body.code),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/me',
      tags,
      access: 'consumer',
      summary: '当前用户',
      response: ConsumerUser,
      handler: ({ actor }) => getConsumer(deps, actor.userId),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/v1/me',
      tags,
      access: 'consumer',
      summary: '修改昵称、头像',
      body: UpdateProfileRequest,
      response: ConsumerUser,
      handler: ({ actor, body }) => updateProfile(deps, actor.userId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/auth/login',
      tags: ['admin'],
      access: 'public',
      summary: '运营后台登录',
      body: AdminLoginRequest,
      response: AdminLoginResponse,
      rateLimit: { points: 30, durationSec: 60, by: 'ip' },
      errors: [E.LOGIN_FAILED, E.OPERATOR_DISABLED, loginLocked],
      handler: ({ body, ctx }) => operatorLogin(deps, { ...body, ip: ctx.ip }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/me',
      tags: ['admin'],
      access: 'operator',
      summary: '当前运营账号',
      response: Operator,
      handler: ({ actor }) => getOperator(deps, actor.operatorId),
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/v1/me/password',
      tags: ['admin'],
      access: 'operator',
      summary: '修改自己的密码（需当前密码；其他会话全部失效，返回新的登录凭证）',
      body: ChangeOwnPasswordRequest,
      response: AdminLoginResponse,
      errors: [E.CURRENT_PASSWORD_WRONG, ...passwordRule, loginLocked],
      handler: ({ actor, body, ctx }) =>
        changeOwnPassword(deps, actor.operatorId, { ...body, ip: ctx.ip }, operatorOf(actor, ctx)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/operators',
      tags: ['admin'],
      access: ACCESS.operatorsManage,
      summary: '操作员列表（仅超级管理员）',
      query: OperatorListQuery,
      response: OperatorList,
      handler: ({ query }) => listOperators(deps, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/operators',
      tags: ['admin'],
      access: ACCESS.operatorsManage,
      summary: '新建操作员（仅超级管理员；用户名须为规范形式，密码至少 10 位且不易猜）',
      body: CreateOperatorRequest,
      response: OperatorSummary,
      status: 201,
      errors: [E.USERNAME_INVALID, E.USERNAME_NOT_CANONICAL, ...passwordRule, E.OPERATOR_EXISTS],
      handler: ({ actor, body, ctx }) => addOperator(deps, body, operatorOf(actor, ctx)),
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/v1/operators/:id/role',
      tags: ['admin'],
      access: ACCESS.operatorsManage,
      summary: '修改操作员角色（立即生效）',
      params: IdParam,
      body: SetOperatorRoleRequest,
      response: OperatorSummary,
      errors: [E.OPERATOR_NOT_FOUND, { error: E.LAST_SUPER_ADMIN, when: '不能把最后一名启用的超级管理员降级' }],
      handler: ({ actor, params, body, ctx }) => setOperatorRole(deps, params.id, body.role, operatorOf(actor, ctx)),
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/v1/operators/:id/status',
      tags: ['admin'],
      access: ACCESS.operatorsManage,
      summary: '停用或启用操作员（停用立即生效，其会话全部失效）',
      params: IdParam,
      body: SetOperatorStatusRequest,
      response: OperatorSummary,
      errors: [E.OPERATOR_NOT_FOUND, { error: E.LAST_SUPER_ADMIN, when: '不能停用最后一名启用的超级管理员' }],
      handler: ({ actor, params, body, ctx }) =>
        setOperatorDisabled(deps, params.id, body.disabled, operatorOf(actor, ctx)),
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/v1/operators/:id/password',
      tags: ['admin'],
      access: ACCESS.operatorsManage,
      summary: '重置操作员密码（其会话全部失效）',
      params: IdParam,
      body: ResetOperatorPasswordRequest,
      response: OperatorSummary,
      errors: [E.OPERATOR_NOT_FOUND, ...passwordRule],
      handler: ({ actor, params, body, ctx }) =>
        resetOperatorPassword(deps, params.id, body.password, operatorOf(actor, ctx)),
    }),
  ];
}

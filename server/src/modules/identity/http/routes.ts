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
  WechatLoginRequest,
} from '../../../contracts/auth';
import { z } from '../../../contracts/zod';
import type { RateLimits } from '../../../http/rate-limit';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { loginWithAlipay, loginWithPhone, loginWithWechat } from '../application/consumer-login';
import { getOperator, operatorLogin } from '../application/operator-auth';
import { requestPhoneCode } from '../application/phone-code';
import { getConsumer, updateProfile } from '../application/profile';
import type { IdentityDeps } from '../application/ports';

const tags = ['identity'];
const LOGIN_RATE = { points: 30, durationSec: 60, by: 'ip' as const };
/** failed admin logins per username before it is locked for the window */
export const ADMIN_LOGIN_FAILURES = { points: 10, durationSec: 900 };

export function identityRoutes(deps: IdentityDeps, rateLimits: RateLimits): RouteSpec[] {
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
      errors: { 400: '登录凭证无效 (WECHAT_CODE_INVALID)', 503: '微信服务不可用 (WECHAT_UNAVAILABLE)' },
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
      errors: { 400: '授权码无效 (ALIPAY_CODE_INVALID)', 503: '支付宝服务不可用 (ALIPAY_UNAVAILABLE)' },
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
      errors: { 429: '发送过于频繁 (RATE_LIMITED)', 503: '短信服务未配置 (SMS_UNAVAILABLE)' },
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
      errors: { 400: '验证码无效、过期、已使用或错误次数过多 (LOGIN_CODE_*)' },
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
      body: z.object({
        nickname: z.string().trim().min(1).max(32).optional(),
        avatar: z.string().max(500).nullable().optional(),
      }),
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
      errors: {
        401: '用户名或密码错误 (LOGIN_FAILED)',
        403: '账号已停用 (OPERATOR_DISABLED)',
        429: '失败次数过多，请 15 分钟后再试',
      },
      handler: async ({ body }) => {
        const key = body.username.toLowerCase();
        await rateLimits.consume('admin-login-failures', ADMIN_LOGIN_FAILURES, key);
        const result = await operatorLogin(deps, body.username, body.password);
        await rateLimits.reset('admin-login-failures', ADMIN_LOGIN_FAILURES, key);
        return result;
      },
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
  ];
}

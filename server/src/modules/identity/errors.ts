// Every error code identity answers, declared once (kernel/errors.ts `defineErrors`): thrown as
// `IdentityErrors.LOGIN_FAILED()` and listed in the routes' `errors`, which document them. The session and the
// WeChat/Alipay/SMS codes are the platform's (PlatformErrors in kernel/errors.ts).
import { defineErrors } from '../../kernel/errors';

export const IdentityErrors = defineErrors('identity', {
  // the H5 phone login code (domain/login-code.ts `checkCode`): LOGIN_CODE_<outcome>
  LOGIN_CODE_NO_CODE: { kind: 'invalid', message: '请先获取验证码' },
  LOGIN_CODE_EXPIRED: { kind: 'invalid', message: '验证码已过期，请重新获取' },
  LOGIN_CODE_USED: { kind: 'invalid', message: '验证码已使用，请重新获取' },
  LOGIN_CODE_TOO_MANY_ATTEMPTS: { kind: 'invalid', message: '验证码错误次数过多，请重新获取' },
  LOGIN_CODE_MISMATCH: { kind: 'invalid', message: '验证码不正确' },
  LOGIN_FAILED: { kind: 'unauthenticated', message: '用户名或密码错误' },
  OPERATOR_DISABLED: { kind: 'forbidden', message: '该账号已停用' },
  // operator accounts (domain/operator-rules.ts): creation, password changes, role and status changes
  PASSWORD_TOO_SHORT: { kind: 'invalid', message: '密码至少 10 位' },
  PASSWORD_TOO_LONG: { kind: 'invalid', message: '密码不能超过 72 字节' },
  PASSWORD_TOO_WEAK: { kind: 'invalid', message: '密码太容易被猜到，请换一个更长、更不常见的密码' },
  USERNAME_INVALID: { kind: 'invalid', message: '用户名须为 3–32 位小写字母、数字、下划线、点或短横线' },
  USERNAME_NOT_CANONICAL: { kind: 'invalid', message: '用户名须以规范形式书写：小写、半角、无首尾空格' },
  OPERATOR_EXISTS: { kind: 'conflict', message: '用户名已存在' },
  OPERATOR_NOT_FOUND: { kind: 'not_found', message: '操作员不存在' },
  LAST_SUPER_ADMIN: { kind: 'conflict', message: '至少要保留一名启用的超级管理员' },
  CURRENT_PASSWORD_WRONG: { kind: 'invalid', message: '当前密码不正确' },
});

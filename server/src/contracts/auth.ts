import { Id, ImageUrlInput } from './common';
import { z } from './zod';

export const ConsumerUser = z
  .object({
    id: Id,
    nickname: z.string(),
    avatar: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .openapi('ConsumerUser');
export type ConsumerUser = z.infer<typeof ConsumerUser>;
/** `PATCH /api/v1/me`: the avatar is an https: URL or one of our /uploads/ paths (null clears it). */
export const UpdateProfileRequest = z
  .object({
    nickname: z.string().trim().min(1).max(32).optional(),
    avatar: ImageUrlInput.nullable().optional(),
  })
  .openapi('UpdateProfileRequest');
export type UpdateProfileRequest = z.input<typeof UpdateProfileRequest>;

export const LoginResponse = z.object({ token: z.string(), user: ConsumerUser }).openapi('LoginResponse');
export type LoginResponse = z.infer<typeof LoginResponse>;

/** `Taro.login` code (weapp) — in sandbox, `sim_<name>` signs in as openid `<name>`. */
export const WechatLoginRequest = z.object({ code: z.string().min(1).max(128).openapi({ example: 'sim_alice' }) });
/** `my.getAuthCode` code (alipay) — in sandbox, `sim_<name>` signs in as user `<name>`. */
export const AlipayLoginRequest = z.object({ code: z.string().min(1).max(128).openapi({ example: 'sim_alice' }) });

export const Phone = z
  .string()
  .regex(/^1\d{10}$/, 'a mainland mobile number, 11 digits')
  .openapi({ example: '13800138000' });
export const SmsCodeRequest = z.object({ phone: Phone });
export const SmsCodeResponse = z.object({
  expiresInSec: z.number().int(),
  /** Only in sandbox mode: the code that a real SMS gateway would have sent. */
  sandboxCode: z.string().optional(),
});
export type SmsCodeResponse = z.infer<typeof SmsCodeResponse>;
export const PhoneLoginRequest = z.object({ phone: Phone, code: z.string().regex(/^\d{6}$/) });

export const OperatorRole = z.enum(['super_admin', 'operations', 'customer_service', 'finance']);
export type OperatorRole = z.infer<typeof OperatorRole>;
export const Operator = z.object({ id: Id, username: z.string(), role: OperatorRole }).openapi('Operator');
export type Operator = z.infer<typeof Operator>;

export const AdminLoginRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(128),
});
export const AdminLoginResponse = z.object({ token: z.string(), operator: Operator }).openapi('AdminLoginResponse');
export type AdminLoginResponse = z.infer<typeof AdminLoginResponse>;

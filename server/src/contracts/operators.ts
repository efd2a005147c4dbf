// Operator management (super admin only) and an operator's own password. Usernames are canonical (lower-case,
// half-width, `[a-z0-9_.-]{3,32}`); a name written otherwise is refused with USERNAME_NOT_CANONICAL, never
// silently rewritten. Passwords: at least 10 characters, not guessable (zxcvbn score ≥ 3).
import { OperatorRole } from './auth';
import { Id, Page } from './common';
import { z } from './zod';

export const OperatorSummary = z
  .object({
    id: Id,
    username: z.string(),
    role: OperatorRole,
    disabled: z.boolean(),
    lastLoginAt: z.string().nullable().openapi({ format: 'date-time' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('OperatorSummary');
export type OperatorSummary = z.infer<typeof OperatorSummary>;

export const OperatorListQuery = Page.openapi('OperatorListQuery');
export const OperatorList = z
  .object({ items: z.array(OperatorSummary), total: z.number().int() })
  .openapi('OperatorList');
export type OperatorList = z.infer<typeof OperatorList>;

const NewPassword = z.string().min(1).max(128).openapi({ description: '至少 10 位，且不能是常见或易猜的密码' });

export const CreateOperatorRequest = z
  .object({
    username: z.string().min(1).max(64).openapi({ example: 'ops.wang' }),
    password: NewPassword,
    role: OperatorRole,
  })
  .openapi('CreateOperatorRequest');
export type CreateOperatorRequest = z.infer<typeof CreateOperatorRequest>;

export const SetOperatorRoleRequest = z.object({ role: OperatorRole }).openapi('SetOperatorRoleRequest');
export const SetOperatorStatusRequest = z
  .object({ disabled: z.boolean().openapi({ description: 'true 停用（其会话立即失效），false 启用' }) })
  .openapi('SetOperatorStatusRequest');
export const ResetOperatorPasswordRequest = z.object({ password: NewPassword }).openapi('ResetOperatorPasswordRequest');

export const ChangeOwnPasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: NewPassword })
  .openapi('ChangeOwnPasswordRequest');

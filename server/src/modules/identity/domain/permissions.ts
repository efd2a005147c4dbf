// What each operator role may do. super_admin may do everything; routes name the roles they admit.
import type { OperatorRole } from '../../../contracts/auth';

export const ROLE_LABELS: Record<OperatorRole, string> = {
  super_admin: '超级管理员',
  operations: '运营',
  customer_service: '客服',
  finance: '财务',
};

/** Access groups used by routes: each lists the roles (besides super_admin) admitted. */
export const ACCESS = {
  catalogWrite: { roles: ['operations'] },
  catalogRead: { roles: ['operations', 'customer_service', 'finance'] },
  operatorsManage: { roles: [] },
} as const satisfies Record<string, { roles: readonly OperatorRole[] }>;

export function mayAccess(role: OperatorRole, access: { roles: readonly OperatorRole[] }): boolean {
  return role === 'super_admin' || access.roles.includes(role);
}

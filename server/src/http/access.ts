// Who may call what: every operator route names one of these policies (never an inline role list), so the roles
// are declared once. super_admin passes every policy; each lists the other roles it admits.
import type { OperatorRole } from '../contracts/auth';

export interface RolePolicy {
  roles: readonly OperatorRole[];
}

export const ACCESS = {
  catalogRead: { roles: ['operations', 'customer_service', 'finance'] },
  catalogWrite: { roles: ['operations'] },
  campaignsWrite: { roles: ['operations'] },
  ordersRead: { roles: ['customer_service', 'operations', 'finance'] },
  ordersWrite: { roles: ['customer_service'] },
  paymentsRead: { roles: ['customer_service', 'finance'] },
  afterSales: { roles: ['customer_service', 'finance'] },
  settingsWrite: { roles: ['operations'] },
  auditRead: { roles: [] },
  operatorsManage: { roles: [] },
} as const satisfies Record<string, RolePolicy>;

export function mayAccess(role: OperatorRole, policy: RolePolicy): boolean {
  return role === 'super_admin' || policy.roles.includes(role);
}

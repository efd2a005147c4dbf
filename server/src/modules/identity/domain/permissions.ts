// Operator roles and their labels. What each role may call is declared once, in http/access.ts.
import type { OperatorRole } from '../../../contracts/auth';

export const ROLE_LABELS: Record<OperatorRole, string> = {
  super_admin: '超级管理员',
  operations: '运营',
  customer_service: '客服',
  finance: '财务',
};

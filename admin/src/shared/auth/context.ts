import type { AdminLoginResponse, Operator, OperatorRole } from '@contracts';
import { createContext, useContext } from 'react';

export type AuthStatus = 'anonymous' | 'loading' | 'authenticated' | 'error';

export interface AuthState {
  status: AuthStatus;
  /** the signed-in operator, once `/me` (or the login answer) told us who it is */
  operator: Operator | null;
  /** why `/me` failed when status is 'error' (network, 5xx) */
  error: Error | null;
  login(username: string, password: string): Promise<Operator>;
  /** takes over a session the server just issued (after changing one's own password, the old one is over) */
  adoptSession(answer: AdminLoginResponse): void;
  logout(): void;
  retry(): void;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside <AuthProvider>');
  return state;
}

export const ROLE_LABELS: Record<OperatorRole, string> = {
  super_admin: '超级管理员',
  operations: '运营',
  customer_service: '客服',
  finance: '财务',
};

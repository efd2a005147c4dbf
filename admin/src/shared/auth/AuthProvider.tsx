import type { AdminLoginResponse, Operator } from '@contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, UNAUTHORIZED_EVENT } from '../api/client';
import { AuthContext, type AuthState } from './context';
import { clearToken, getToken, setToken } from './token';

export const meQueryKey = ['auth', 'me'] as const;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setTokenState] = useState<string | null>(() => getToken());

  const signOut = useCallback(() => {
    clearToken();
    setTokenState(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    // a 401 from any admin request: the client already dropped the token
    const onUnauthorized = () => signOut();
    // another tab signed in or out
    const onStorage = () => {
      const current = getToken();
      setTokenState((previous) => {
        if (previous !== current) queryClient.clear();
        return current;
      });
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
      window.removeEventListener('storage', onStorage);
    };
  }, [queryClient, signOut]);

  const me = useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.get<Operator>('/api/admin/v1/me', undefined, signal),
    enabled: token !== null,
    // the role can change while the admin is open (it applies to the next request at once); the menu follows soon
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });

  const adoptSession = useCallback(
    (answer: AdminLoginResponse) => {
      queryClient.clear();
      setToken(answer.token);
      queryClient.setQueryData(meQueryKey, answer.operator);
      setTokenState(answer.token);
    },
    [queryClient],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const answer = await api.post<AdminLoginResponse>(
        '/api/admin/v1/auth/login',
        { username, password },
        { auth: false },
      );
      adoptSession(answer);
      return answer.operator;
    },
    [adoptSession],
  );

  const { refetch } = me;
  const value = useMemo<AuthState>(() => {
    let status: AuthState['status'];
    if (token === null) status = 'anonymous';
    else if (me.data) status = 'authenticated';
    else if (me.isError) status = 'error';
    else status = 'loading';
    return {
      status,
      operator: token !== null ? (me.data ?? null) : null,
      error: me.error,
      login,
      adoptSession,
      logout: signOut,
      retry: () => void refetch(),
    };
  }, [token, me.data, me.isError, me.error, login, adoptSession, signOut, refetch]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

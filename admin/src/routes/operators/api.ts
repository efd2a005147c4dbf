// Operator management's data access (super admin only), by the products pattern: one query-key factory, typed
// queries and mutations over the server's contracts; the list is paged on the server. Every change answers the
// operator as they are now, and takes effect on their very next request (the server checks each admin request
// against the operator's current state).
import type {
  AdminLoginResponse,
  CreateOperatorRequest,
  OperatorList,
  OperatorRole,
  OperatorSummary,
} from '@contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export interface OperatorListParams {
  page: number;
  pageSize: number;
}

export const operatorKeys = {
  all: ['operators'] as const,
  lists: () => [...operatorKeys.all, 'list'] as const,
  list: (params: OperatorListParams) => [...operatorKeys.lists(), params] as const,
};

export function useOperators(params: OperatorListParams, enabled = true) {
  return useQuery({
    queryKey: operatorKeys.list(params),
    enabled,
    queryFn: ({ signal }) =>
      api.get<OperatorList>('/api/admin/v1/operators', { page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

function useOperatorMutation<V>(mutationFn: (variables: V) => Promise<OperatorSummary>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKeys.lists() }),
  });
}

export const useCreateOperator = () =>
  useOperatorMutation((body: CreateOperatorRequest) => api.post<OperatorSummary>('/api/admin/v1/operators', body));

export const useSetOperatorRole = () =>
  useOperatorMutation(({ id, role }: { id: number; role: OperatorRole }) =>
    api.put<OperatorSummary>(`/api/admin/v1/operators/${id}/role`, { role }),
  );

export const useSetOperatorDisabled = () =>
  useOperatorMutation(({ id, disabled }: { id: number; disabled: boolean }) =>
    api.put<OperatorSummary>(`/api/admin/v1/operators/${id}/status`, { disabled }),
  );

export const useResetOperatorPassword = () =>
  useOperatorMutation(({ id, password }: { id: number; password: string }) =>
    api.put<OperatorSummary>(`/api/admin/v1/operators/${id}/password`, { password }),
  );

/** The signed-in operator's own password; answers a fresh session (every other one ends). */
export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.put<AdminLoginResponse>('/api/admin/v1/me/password', body),
  });
}

/** The rules the server applies, checked in the form first (the server's answer stays the judge). */
export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,32}$/;
export const PASSWORD_MIN_LENGTH = 10;

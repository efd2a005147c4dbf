// Group buy's data access, by the products pattern: one query-key factory, typed queries and mutations over the
// server's contracts. Lists are paged on the server (page, pageSize), never fetched whole.
import type { AdminGroupDetail, AdminGroupList, Campaign, CampaignInput, CampaignList } from '@contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api/client';

/** What POST and PUT /api/admin/v1/groupbuy/campaigns take (the schema's input: defaults may be left out). */
export type CampaignBody = z.input<typeof CampaignInput>;
export type GroupStatus = AdminGroupList['items'][number]['status'];

export interface PageParams {
  page: number;
  pageSize: number;
}
export interface GroupListParams extends PageParams {
  status?: GroupStatus;
}

export const groupbuyKeys = {
  all: ['groupbuy'] as const,
  campaigns: () => [...groupbuyKeys.all, 'campaigns'] as const,
  campaignList: (params: PageParams) => [...groupbuyKeys.campaigns(), 'list', params] as const,
  campaign: (id: number | null) => [...groupbuyKeys.campaigns(), 'detail', id] as const,
  groups: () => [...groupbuyKeys.all, 'groups'] as const,
  groupList: (campaignId: number | null, params: GroupListParams) =>
    [...groupbuyKeys.groups(), 'list', campaignId, params] as const,
  group: (code: string | null) => [...groupbuyKeys.groups(), 'detail', code] as const,
};

export function useCampaigns(params: PageParams) {
  return useQuery({
    queryKey: groupbuyKeys.campaignList(params),
    queryFn: ({ signal }) =>
      api.get<CampaignList>(
        '/api/admin/v1/groupbuy/campaigns',
        { page: params.page, pageSize: params.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** The editor's copy of a campaign: always fetched fresh, so an edit starts from what the server has. */
export function useCampaign(id: number | null) {
  return useQuery({
    queryKey: groupbuyKeys.campaign(id),
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<Campaign>(`/api/admin/v1/groupbuy/campaigns/${id}`, undefined, signal),
    staleTime: 0,
    gcTime: 0,
  });
}

export function useCampaignGroups(campaignId: number | null, params: GroupListParams) {
  return useQuery({
    queryKey: groupbuyKeys.groupList(campaignId, params),
    enabled: campaignId !== null,
    queryFn: ({ signal }) =>
      api.get<AdminGroupList>(
        `/api/admin/v1/groupbuy/campaigns/${campaignId}/groups`,
        { page: params.page, pageSize: params.pageSize, status: params.status },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useGroup(code: string | null) {
  return useQuery({
    queryKey: groupbuyKeys.group(code),
    enabled: code !== null,
    queryFn: ({ signal }) => api.get<AdminGroupDetail>(`/api/admin/v1/groupbuy/groups/${code}`, undefined, signal),
  });
}

/** Create (no id) or replace (id) a campaign; the server keeps already open groups at their size and prices. */
export function useSaveCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: CampaignBody }) =>
      id === null
        ? api.post<{ id: number }>('/api/admin/v1/groupbuy/campaigns', body)
        : api.put<{ id: number }>(`/api/admin/v1/groupbuy/campaigns/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupbuyKeys.campaigns() }),
  });
}

/** Stop or restart a campaign: the same PUT, with the campaign as the server has it and `enabled` changed. */
export function useSetCampaignEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ campaign, enabled }: { campaign: Campaign; enabled: boolean }) =>
      api.put<{ id: number }>(`/api/admin/v1/groupbuy/campaigns/${campaign.id}`, {
        ...campaignBody(campaign),
        enabled,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupbuyKeys.campaigns() }),
  });
}

export type CloseResult = 'succeeded_virtually' | 'failed' | 'not_open';

/** Ends a group now, by the expiry rules (virtual success, or failure with automatic refunds). */
export function useCloseGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<{ result: CloseResult }>(`/api/admin/v1/groupbuy/groups/${code}/close`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupbuyKeys.all }),
  });
}

/** A campaign as the body that saves it unchanged (PUT replaces the whole campaign). */
export function campaignBody(c: Campaign): CampaignBody {
  return {
    productId: c.productId,
    title: c.title,
    size: c.size,
    validityHours: c.validityHours,
    skus: c.skus.map((s) => ({ skuId: s.skuId, groupPriceFen: s.groupPriceFen, leaderPriceFen: s.leaderPriceFen })),
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    perUserLimit: c.perUserLimit,
    newUsersOnly: c.newUsersOnly,
    virtualCompletion: c.virtualCompletion,
    virtualThresholdPct: c.virtualThresholdPct,
    stackWithCoupons: c.stackWithCoupons,
    enabled: c.enabled,
  };
}

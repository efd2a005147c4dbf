import type { CampaignDetail, CampaignList, Group, GroupOrderResponse, MyGroups } from '@contracts';
import { get, post } from './request';

export const listCampaigns = (productId?: number) =>
  get<CampaignList>('/api/v1/groupbuy/campaigns', { productId, pageSize: 50 });
export const getCampaign = (id: number) => get<CampaignDetail>(`/api/v1/groupbuy/campaigns/${id}`);
export const getGroup = (code: string) => get<Group>(`/api/v1/groupbuy/groups/${code}`, undefined, { silent: true });
// Creates: each takes the intent's Idempotency-Key (hooks/useSubmit.ts).
export const openGroup = (campaignId: number, skuId: number, addressId: number, idempotencyKey: string) =>
  post<GroupOrderResponse>(
    '/api/v1/groupbuy/groups',
    { campaignId, skuId, addressId },
    { headers: { 'Idempotency-Key': idempotencyKey } },
  );
export const joinGroup = (code: string, skuId: number, addressId: number, idempotencyKey: string) =>
  post<GroupOrderResponse>(
    `/api/v1/groupbuy/groups/${code}/join`,
    { skuId, addressId, fallback: 'route' },
    { headers: { 'Idempotency-Key': idempotencyKey } },
  );
export const myGroups = () => get<MyGroups>('/api/v1/groupbuy/my-groups');

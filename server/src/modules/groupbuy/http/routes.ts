import { ACCESS } from '../../../http/access';
import { IdParam } from '../../../contracts/common';
import {
  AdminGroupDetail,
  AdminGroupList,
  AdminGroupListQuery,
  CampaignDetail,
  CampaignInput,
  CampaignList,
  CampaignListQuery,
  Campaign,
  Group,
  GroupCodeParam,
  GroupOrderResponse,
  JoinGroupRequest,
  MyGroups,
  OpenGroupRequest,
} from '../../../contracts/groupbuy';
import { z } from '../../../contracts/zod';
import { PlatformErrors } from '../../../kernel/errors';
import { operatorOf } from '../../../http/operator';
import { defineRoute, type RouteSpec } from '../../../http/route';
import { getCampaign, listCampaigns, saveCampaign } from '../application/campaigns';
import { closeGroup } from '../application/close';
import type { GroupbuyDeps } from '../application/ports';
import { joinGroup, openGroup } from '../application/seats';
import { groupWxaCode } from '../application/share';
import { campaignQuotes } from '../application/quotes';
import { adminGroupDetail, adminGroups, myGroups, openGroupsOf } from '../application/views';
import { GroupbuyErrors } from '../errors';
import { AddressErrors } from '../../address';
import { CatalogErrors } from '../../catalog';
import { ORDER_PLACEMENT_ERRORS } from '../../order';

const tags = ['groupbuy'];
const ops = ACCESS.campaignsWrite;
const E = GroupbuyErrors;

export function groupbuyRoutes(deps: GroupbuyDeps): RouteSpec[] {
  // other modules' errors are read here, when the routes are built, never at import (modules import each other)
  /** what taking a seat can answer: the campaign's rules, the quotas, then placing the order itself */
  const seatErrors = [
    PlatformErrors.IDEMPOTENCY_KEY_INVALID,
    PlatformErrors.IDEMPOTENCY_KEY_REUSED,
    AddressErrors.ADDRESS_NOT_FOUND,
    E.CAMPAIGN_NOT_FOUND,
    E.CAMPAIGN_NOT_ACTIVE,
    E.SKU_NOT_IN_CAMPAIGN,
    E.GROUPBUY_NEW_USERS_ONLY,
    E.GROUPBUY_LIMIT_REACHED,
    ...ORDER_PLACEMENT_ERRORS,
    CatalogErrors.STOCK_INSUFFICIENT,
  ];
  return [
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/groupbuy/campaigns',
      tags: ['admin'],
      access: ops,
      status: 201,
      summary: '创建拼团活动（按规格设拼团价/团长价、成团人数、有效期、活动时间、限购、仅新用户、模拟成团）',
      body: CampaignInput,
      response: z.object({ id: z.number().int() }),
      errors: [E.CAMPAIGN_INVALID],
      handler: ({ body, actor, ctx }) => saveCampaign(deps, operatorOf(actor, ctx), body),
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/v1/groupbuy/campaigns/:id',
      tags: ['admin'],
      access: ops,
      summary: '修改拼团活动（已开的团保持开团时的人数与价格）',
      params: IdParam,
      body: CampaignInput,
      response: z.object({ id: z.number().int() }),
      errors: [E.CAMPAIGN_INVALID, E.CAMPAIGN_NOT_FOUND],
      handler: ({ params, body, actor, ctx }) => saveCampaign(deps, operatorOf(actor, ctx), body, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/groupbuy/campaigns',
      tags: ['admin'],
      access: ops,
      summary: '拼团活动列表',
      query: CampaignListQuery,
      response: CampaignList,
      handler: ({ query }) => listCampaigns(deps, query, false),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/groupbuy/campaigns/:id',
      tags: ['admin'],
      access: ops,
      summary: '拼团活动详情',
      params: IdParam,
      response: Campaign,
      errors: [E.CAMPAIGN_NOT_FOUND],
      handler: ({ params }) => getCampaign(deps, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/groupbuy/campaigns/:id/groups',
      tags: ['admin'],
      access: ops,
      summary: '活动下的团（状态、人数、时间）',
      params: IdParam,
      query: AdminGroupListQuery,
      response: AdminGroupList,
      handler: ({ params, query }) => adminGroups(deps, params.id, query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/v1/groupbuy/groups/:code',
      tags: ['admin'],
      access: ops,
      summary: '团详情（成员、订单状态）',
      params: GroupCodeParam,
      response: AdminGroupDetail,
      errors: [E.GROUP_NOT_FOUND],
      handler: ({ params }) => adminGroupDetail(deps, params.code),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/v1/groupbuy/groups/:code/close',
      tags: ['admin'],
      access: ops,
      summary: '手动结束一个团（与到期同一路径：模拟成团或失败并自动退款）',
      params: GroupCodeParam,
      response: z.object({ result: z.enum(['succeeded_virtually', 'failed', 'not_open']) }),
      errors: [E.GROUP_NOT_FOUND],
      handler: async ({ params, actor, ctx }) => {
        const g = await adminGroupDetail(deps, params.code);
        return { result: await closeGroup(deps, g.id, { operator: operatorOf(actor, ctx) }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/groupbuy/campaigns',
      tags,
      access: 'public',
      summary: '进行中的拼团活动（可按商品筛选）',
      query: CampaignListQuery,
      response: CampaignList,
      handler: ({ query }) => listCampaigns(deps, query, true),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/groupbuy/campaigns/:id',
      tags,
      access: 'public',
      summary: '拼团活动详情与差几人成团的团（倒计时）',
      params: IdParam,
      response: CampaignDetail,
      errors: [E.CAMPAIGN_NOT_FOUND],
      handler: async ({ params }) => {
        const campaign = await getCampaign(deps, params.id);
        return {
          ...campaign,
          openGroups: await openGroupsOf(deps, params.id),
          quotes: await campaignQuotes(deps, campaign),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/groupbuy/groups',
      tags,
      access: 'consumer',
      status: 201,
      summary: '开团：以团长（价）下单，付款后团开放并开始计时；支持 Idempotency-Key',
      body: OpenGroupRequest,
      response: GroupOrderResponse,
      rateLimit: { points: 30, durationSec: 60 },
      errors: seatErrors,
      handler: ({ actor, body, ctx }) => openGroup(deps, actor.userId, body, ctx.get('idempotency-key') || undefined),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/groupbuy/groups/:code/join',
      tags,
      access: 'consumer',
      status: 201,
      summary: '参团：下单时原子占座（付款确认，取消释放）；团已满时转入其他团或新开一团（group.code 为实际所在团）',
      params: GroupCodeParam,
      body: JoinGroupRequest,
      response: GroupOrderResponse,
      rateLimit: { points: 30, durationSec: 60 },
      errors: [...seatErrors, E.GROUP_NOT_FOUND, E.ALREADY_IN_GROUP, E.GROUP_FULL],
      handler: ({ actor, params, body, ctx }) =>
        joinGroup(deps, actor.userId, params.code, body, ctx.get('idempotency-key') || undefined),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/groupbuy/groups/:code',
      tags,
      access: 'public',
      summary: '团详情（成员头像昵称、剩余名额、到期时间、状态）',
      params: GroupCodeParam,
      response: Group,
      errors: [E.GROUP_NOT_FOUND],
      handler: ({ params }) => deps.groupPages.get(params.code),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/groupbuy/groups/:code/wxacode',
      tags,
      access: 'public',
      rawReply: true,
      summary: '团的小程序码（getwxacodeunlimit，scene=g=<code>），PNG',
      params: GroupCodeParam,
      response: z.object({
        status: z.number(),
        body: z.instanceof(Buffer).openapi({ type: 'string', format: 'binary' }),
      }),
      errors: [
        E.GROUP_NOT_FOUND,
        PlatformErrors.WECHAT_UNAVAILABLE,
        { error: PlatformErrors.RATE_LIMITED, when: '微信接口调用过于频繁' },
      ],
      handler: async ({ params, ctx }) => {
        const image = await groupWxaCode(deps, params.code);
        ctx.type = 'image/png';
        ctx.set('Cache-Control', 'public, max-age=3600');
        return { status: 200, body: image };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/groupbuy/my-groups',
      tags,
      access: 'consumer',
      summary: '我的拼团',
      response: MyGroups,
      handler: ({ actor }) => myGroups(deps, actor.userId),
    }),
  ];
}

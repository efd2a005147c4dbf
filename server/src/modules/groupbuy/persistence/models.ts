import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import { bindLifecycle } from '../../../platform/db/status-move';
import { GROUP_LIFECYCLE, MEMBER_LIFECYCLE, type GroupStatus, type MemberStatus } from '../domain/group-lifecycle';

export interface CampaignAttrs {
  id: number;
  productId: number;
  title: string;
  size: number;
  validityHours: number;
  startsAt: Date | null;
  endsAt: Date | null;
  perUserLimit: number;
  newUsersOnly: boolean;
  virtualCompletion: boolean;
  virtualThresholdPct: number;
  stackWithCoupons: boolean;
  enabled: boolean;
  createdAt: Date;
}
export interface CampaignSkuAttrs {
  id: number;
  campaignId: number;
  skuId: number;
  groupPriceFen: number;
  leaderPriceFen: number | null;
}
export interface GroupAttrs {
  id: number;
  code: string;
  campaignId: number;
  leaderUserId: number;
  size: number;
  status: GroupStatus;
  seatsTaken: number;
  paidCount: number;
  openedAt: Date | null;
  expiresAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
  virtualCompleted: boolean;
  createdAt: Date;
}
export interface MemberAttrs {
  id: number;
  groupId: number;
  campaignId: number;
  userId: number;
  orderId: number;
  isLeader: boolean;
  status: MemberStatus;
  holderUserId: number | null;
  paidAt: Date | null;
  createdAt: Date;
}

type Nullable<A> = { [K in keyof A]: null extends A[K] ? K : never }[keyof A];
type M<A extends object, C extends keyof A> = ModelStatic<Model<A, Optional<A, C>>>;
export interface GroupbuyModels {
  Campaign: M<CampaignAttrs, 'id' | 'createdAt' | Nullable<CampaignAttrs>>;
  CampaignSku: M<CampaignSkuAttrs, 'id' | Nullable<CampaignSkuAttrs>>;
  Group: M<GroupAttrs, 'id' | 'seatsTaken' | 'paidCount' | 'virtualCompleted' | 'createdAt' | Nullable<GroupAttrs>>;
  Member: M<MemberAttrs, 'id' | 'createdAt' | Nullable<MemberAttrs>>;
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
const int = DataTypes.INTEGER;
const date = DataTypes.DATE(3);
const bool = DataTypes.BOOLEAN;

export function defineGroupbuyModels(sequelize: Sequelize): GroupbuyModels {
  const Campaign: GroupbuyModels['Campaign'] = sequelize.define(
    'GroupbuyCampaign',
    {
      id,
      productId: int,
      title: DataTypes.STRING(120),
      size: int,
      validityHours: int,
      startsAt: date,
      endsAt: date,
      perUserLimit: int,
      newUsersOnly: bool,
      virtualCompletion: bool,
      virtualThresholdPct: int,
      stackWithCoupons: bool,
      enabled: bool,
      createdAt: date,
    },
    { tableName: 'groupbuy_campaigns' },
  );
  const CampaignSku: GroupbuyModels['CampaignSku'] = sequelize.define(
    'GroupbuyCampaignSku',
    { id, campaignId: int, skuId: int, groupPriceFen: int, leaderPriceFen: int },
    { tableName: 'groupbuy_campaign_skus', updatedAt: false },
  );
  const Group: GroupbuyModels['Group'] = sequelize.define(
    'GroupbuyGroup',
    {
      id,
      code: DataTypes.STRING(16),
      campaignId: int,
      leaderUserId: int,
      size: int,
      status: DataTypes.STRING(16),
      seatsTaken: { type: int, defaultValue: 0 },
      paidCount: { type: int, defaultValue: 0 },
      openedAt: date,
      expiresAt: date,
      closedAt: date,
      closeReason: DataTypes.STRING(32),
      virtualCompleted: { type: bool, defaultValue: false },
      createdAt: date,
    },
    { tableName: 'groupbuy_groups' },
  );
  const Member: GroupbuyModels['Member'] = sequelize.define(
    'GroupbuyMember',
    {
      id,
      groupId: int,
      campaignId: int,
      userId: int,
      orderId: int,
      isLeader: bool,
      status: DataTypes.STRING(16),
      holderUserId: int,
      paidAt: date,
      createdAt: date,
    },
    { tableName: 'groupbuy_members' },
  );
  bindLifecycle(Group, GROUP_LIFECYCLE);
  bindLifecycle(Member, MEMBER_LIFECYCLE);
  return { Campaign, CampaignSku, Group, Member };
}

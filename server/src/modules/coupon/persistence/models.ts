import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import { bindLifecycle } from '../../../platform/db/status-move';
import type { CouponType } from '../domain/rules';
import { USER_COUPON_LIFECYCLE, type UserCouponStatus } from '../domain/user-coupon-lifecycle';

export interface TemplateAttrs {
  id: number;
  name: string;
  type: CouponType;
  thresholdFen: number;
  amountOffFen: number;
  percentOff: number;
  maxOffFen: number | null;
  scopeKind: 'all' | 'categories' | 'products';
  /** category or product ids (JSON array), null for all */
  scopeIdsJson: string | null;
  validityKind: 'fixed' | 'days';
  validStartAt: Date | null;
  validEndAt: Date | null;
  validDays: number | null;
  claimStartAt: Date | null;
  claimEndAt: Date | null;
  total: number;
  perUserLimit: number;
  claimable: boolean;
  stackWithCampaigns: boolean;
  enabled: boolean;
  createdAt: Date;
}

export interface UserCouponAttrs {
  id: number;
  couponId: number;
  userId: number;
  status: UserCouponStatus;
  validFrom: Date;
  validUntil: Date;
  orderId: number | null;
  createdAt: Date;
}

type Nullable<A> = { [K in keyof A]: null extends A[K] ? K : never }[keyof A];
type M<A extends object, C extends keyof A> = ModelStatic<Model<A, Optional<A, C>>>;
export interface CouponModels {
  Template: M<TemplateAttrs, 'id' | 'createdAt' | 'enabled' | Nullable<TemplateAttrs>>;
  UserCoupon: M<UserCouponAttrs, 'id' | 'createdAt' | Nullable<UserCouponAttrs>>;
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
const int = DataTypes.INTEGER;
const date = DataTypes.DATE(3);
const str = DataTypes.STRING;

export function defineCouponModels(sequelize: Sequelize): CouponModels {
  const Template: CouponModels['Template'] = sequelize.define(
    'CouponTemplate',
    {
      id,
      name: str(60),
      type: str(16),
      thresholdFen: int,
      amountOffFen: int,
      percentOff: int,
      maxOffFen: int,
      scopeKind: str(16),
      scopeIdsJson: DataTypes.TEXT,
      validityKind: str(8),
      validStartAt: date,
      validEndAt: date,
      validDays: int,
      claimStartAt: date,
      claimEndAt: date,
      total: int,
      perUserLimit: int,
      claimable: DataTypes.BOOLEAN,
      stackWithCampaigns: DataTypes.BOOLEAN,
      enabled: { type: DataTypes.BOOLEAN, defaultValue: true },
      createdAt: date,
    },
    { tableName: 'coupon_templates' },
  );
  const UserCoupon: CouponModels['UserCoupon'] = sequelize.define(
    'UserCoupon',
    {
      id,
      couponId: int,
      userId: int,
      status: str(16),
      validFrom: date,
      validUntil: date,
      orderId: int,
      createdAt: date,
    },
    { tableName: 'user_coupons' },
  );
  bindLifecycle(UserCoupon, USER_COUPON_LIFECYCLE);
  return { Template, UserCoupon };
}

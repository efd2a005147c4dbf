import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import type { OperatorRole } from '../../../contracts/auth';
import type { IdentityProvider } from '../domain/profile';

export interface UserAttrs {
  id: number;
  nickname: string;
  avatar: string | null;
  phone: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface IdentityAttrs {
  id: number;
  userId: number;
  provider: IdentityProvider;
  subject: string;
  unionId: string | null;
}
export interface LoginCodeAttrs {
  id: number;
  phone: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  consumedAt: Date | null;
  createdAt: Date;
}
export interface OperatorAttrs {
  id: number;
  username: string;
  passwordHash: string;
  role: OperatorRole;
  disabled: boolean;
  /** bumped when the operator's sessions must end (disabled, password reset or changed); sessions carry it */
  tokenVersion: number;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type M<A extends object, C extends keyof A> = ModelStatic<Model<A, Optional<A, C>>>;
export type UserModel = M<UserAttrs, 'id' | 'avatar' | 'phone' | 'createdAt' | 'updatedAt'>;
export type IdentityModel = M<IdentityAttrs, 'id' | 'unionId'>;
export type LoginCodeModel = M<LoginCodeAttrs, 'id' | 'attempts' | 'consumedAt' | 'createdAt'>;
export type OperatorModel = M<
  OperatorAttrs,
  'id' | 'disabled' | 'tokenVersion' | 'lastLoginAt' | 'createdAt' | 'updatedAt'
>;

export interface IdentityModels {
  User: UserModel;
  Identity: IdentityModel;
  LoginCode: LoginCodeModel;
  Operator: OperatorModel;
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };

export function defineIdentityModels(sequelize: Sequelize): IdentityModels {
  const User: UserModel = sequelize.define(
    'User',
    {
      id,
      nickname: DataTypes.STRING(64),
      avatar: DataTypes.STRING(500),
      phone: DataTypes.STRING(20),
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { tableName: 'users' },
  );
  const Identity: IdentityModel = sequelize.define(
    'UserIdentity',
    {
      id,
      userId: DataTypes.INTEGER,
      provider: DataTypes.STRING(16),
      subject: DataTypes.STRING(128),
      unionId: DataTypes.STRING(128),
    },
    { tableName: 'user_identities' },
  );
  const LoginCode: LoginCodeModel = sequelize.define(
    'LoginCode',
    {
      id,
      phone: DataTypes.STRING(20),
      codeHash: DataTypes.STRING(64),
      attempts: DataTypes.INTEGER,
      expiresAt: DataTypes.DATE(3),
      consumedAt: DataTypes.DATE(3),
      createdAt: DataTypes.DATE(3),
    },
    { tableName: 'login_codes' },
  );
  const Operator: OperatorModel = sequelize.define(
    'Operator',
    {
      id,
      username: DataTypes.STRING(64),
      passwordHash: DataTypes.STRING(100),
      role: DataTypes.STRING(32),
      disabled: DataTypes.BOOLEAN,
      tokenVersion: { type: DataTypes.INTEGER, defaultValue: 0 },
      lastLoginAt: DataTypes.DATE(3),
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { tableName: 'operators' },
  );
  return { User, Identity, LoginCode, Operator };
}

// Identity: consumers (WeChat, Alipay, H5 phone logins), operators and their roles, sessions.
import { defineModule } from '../../kit/module';
import type { OperatorState } from '../../platform/session-tokens';
import { createOperator, ensureFirstAdmin, generatePassword } from './application/operator-auth';
import { purgeExpiredLoginCodes } from './application/phone-code';
import { readOperatorState } from './application/operator-state';
import type { IdentityDeps } from './application/ports';
import { buyerLabels, operatorNames, subjectOf, userProfiles } from './application/subjects';
import type { IdentityProvider } from './domain/profile';
import { identityRoutes } from './http/routes';
import { defineIdentityModels, type IdentityModels } from './persistence/models';

export { createOperator, ensureFirstAdmin, generatePassword, defineIdentityModels, type IdentityModels };
export { findOrCreateUser } from './application/consumer-login';
export { ROLE_LABELS } from './domain/permissions';
export { IdentityErrors } from './errors';

export interface IdentityApi {
  /** the user's id on a platform (WeChat openid, Alipay user id), or null if they never signed in there */
  subjectOf(userId: number, provider: IdentityProvider): Promise<string | null>;
  /** public faces (nickname, avatar) of users */
  profiles(userIds: number[]): Promise<Map<number, { nickname: string; avatar: string | null }>>;
  /** buyers as operators' lists show them: nickname and masked phone (`138****8000`), never the full number */
  buyerLabels(userIds: number[]): Promise<Map<number, { nickname: string; maskedPhone: string | null }>>;
  operatorNames(operatorIds: number[]): Promise<Map<number, string>>;
  /** the first super admin, at first start (bootstrap) */
  ensureFirstAdmin(admin: Parameters<typeof ensureFirstAdmin>[1]): ReturnType<typeof ensureFirstAdmin>;
  /** an operator as admin requests must see them now (cached in Redis a few seconds; null: no such operator) */
  operatorState(operatorId: number): Promise<OperatorState | null>;
}

declare module '../../kit/module' {
  interface ModuleApis {
    identity: IdentityApi;
  }
}

export const identityModule = defineModule({
  name: 'identity',
  models: defineIdentityModels,
  create({ rt }, models) {
    const deps: IdentityDeps = {
      ...rt, // the platform pieces the deps name (sequelize, db, redis, clock, logger, audit…)
      models,
    };
    return {
      api: {
        subjectOf: (userId, provider) => subjectOf(models, userId, provider),
        profiles: (ids) => userProfiles(models, ids),
        buyerLabels: (ids) => buyerLabels(models, ids),
        operatorNames: (ids) => operatorNames(models, ids),
        ensureFirstAdmin: (admin) => ensureFirstAdmin({ models }, admin),
        operatorState: (operatorId) => readOperatorState(deps, operatorId),
      },
      routes: identityRoutes(deps),
      jobs: [
        {
          name: 'purge-login-codes',
          schedule: '17 * * * *', // hourly
          run: async ({ now }) => ({ deleted: await purgeExpiredLoginCodes(deps, now) }),
        },
      ],
    };
  },
});

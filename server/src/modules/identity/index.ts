// Identity: consumers (WeChat, Alipay, H5 phone logins), operators and their roles, sessions.
import type { JobDefinition } from '../../platform/jobs/scheduler';
import type { RateLimits } from '../../http/rate-limit';
import type { RouteSpec } from '../../http/route';
import { purgeExpiredLoginCodes } from './application/phone-code';
import type { IdentityDeps } from './application/ports';
import { identityRoutes } from './http/routes';

export { defineIdentityModels, type IdentityModels } from './persistence/models';
export { createOperator, ensureFirstAdmin, generatePassword } from './application/operator-auth';
export { findOrCreateUser } from './application/consumer-login';
export { subjectOf, userProfiles } from './application/subjects';
export { ACCESS, ROLE_LABELS } from './domain/permissions';
export type { IdentityDeps };

export interface IdentityModule {
  routes: RouteSpec[];
  jobs: JobDefinition[];
}

export function createIdentityModule(deps: IdentityDeps, rateLimits: RateLimits): IdentityModule {
  return {
    routes: identityRoutes(deps, rateLimits),
    jobs: [
      {
        name: 'purge-login-codes',
        schedule: '17 * * * *', // hourly
        run: async ({ now }) => ({ deleted: await purgeExpiredLoginCodes(deps, now) }),
      },
    ],
  };
}

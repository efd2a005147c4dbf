// The operators' audit log, readable at GET /api/admin/v1/audit-logs. Every module writes it through the one
// helper `rt.audit.record(t, operator, entry)` (platform/audit), in the transaction of the change it records.
import { defineModule } from '../../kit/module';
import { auditRoutes } from './http/routes';

export { AuditErrors } from './errors';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- other modules write through rt.audit
export interface AuditApi {}

declare module '../../kit/module' {
  interface ModuleApis {
    audit: AuditApi;
  }
}

export const auditModule = defineModule({
  name: 'audit',
  create(ctx) {
    const identity = ctx.port('identity');
    return {
      api: {},
      routes: auditRoutes({ model: ctx.rt.audit.model, operatorNames: (ids) => identity.operatorNames(ids) }),
    };
  },
});

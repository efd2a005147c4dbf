// Who an operator route acts as, for the audit log: the operator and the request id that ties the entry to logs.
import type { OperatorRef } from '../platform/audit/audit-log';

export function operatorOf(actor: { operatorId: number }, ctx: { state: Record<string, unknown> }): OperatorRef {
  return { operatorId: actor.operatorId, requestId: ctx.state.requestId as string | undefined };
}

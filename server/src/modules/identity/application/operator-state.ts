// What every admin request checks its token against: the operator's current role, disabled flag and session version
// (platform/session-tokens.ts `verifyOperator`). Read from the database and cached in Redis for a few seconds, so a
// burst of admin requests costs one row read; every change replaces the cached state right after its commit.
//
// A reader fills the cache only if it is empty (SET NX), and a writer overwrites it unconditionally after commit:
// a reader that read the row before the change cannot put the old state back over the writer's new one, so once a
// change has returned, every instance sees it (disabled → 401 at once, the new role at once).
import type { OperatorState } from '../../../platform/session-tokens';
import type { IdentityDeps } from './ports';

export const OPERATOR_STATE_TTL_SEC = 5;
const key = (operatorId: number) => `op-state:${operatorId}`;
const GONE = 'gone';

export const stateOf = (row: { role: OperatorState['role']; disabled: boolean; tokenVersion: number }) => ({
  role: row.role,
  disabled: Boolean(row.disabled),
  tokenVersion: Number(row.tokenVersion),
});

export async function readOperatorState(
  deps: Pick<IdentityDeps, 'models' | 'redis'>,
  operatorId: number,
): Promise<OperatorState | null> {
  const cached = await deps.redis.get(key(operatorId));
  if (cached) return cached === GONE ? null : (JSON.parse(cached) as OperatorState);
  const row = await deps.models.Operator.findByPk(operatorId, { attributes: ['role', 'disabled', 'tokenVersion'] });
  const state = row ? stateOf(row.get({ plain: true })) : null;
  await deps.redis.set(key(operatorId), state ? JSON.stringify(state) : GONE, 'EX', OPERATOR_STATE_TTL_SEC, 'NX');
  return state;
}

/** After a change commits: every instance's next request sees `state`. */
export async function publishOperatorState(
  deps: Pick<IdentityDeps, 'redis'>,
  operatorId: number,
  state: OperatorState,
): Promise<void> {
  await deps.redis.set(key(operatorId), JSON.stringify(state), 'EX', OPERATOR_STATE_TTL_SEC);
}

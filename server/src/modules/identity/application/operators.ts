// Operator management, by a super admin (ACCESS.operatorsManage): list, create, disable / enable, change role,
// reset password. Each change is one transaction with its audit entry (before → after, never a password or its
// hash), and its new state is published to the state cache right after commit, so the operator's next request —
// on any instance — already runs as the changed operator: disabled → 401, a new role → that role's permissions.
// Disabling and a password reset also move the operator's session version on, ending every session they have.
//
// No change may leave the shop without an enabled super admin: the enabled super admins are read under their row
// locks in the change's transaction, so two super admins demoting each other at once cannot both succeed.
import { Op, type Transaction } from 'sequelize';
import type { z } from 'zod';
import type { OperatorRole } from '../../../contracts/auth';
import type {
  CreateOperatorRequest,
  OperatorList,
  OperatorListQuery,
  OperatorSummary,
} from '../../../contracts/operators';
import { pageWindow } from '../../../kernel/paging';
import type { OperatorRef } from '../../../platform/audit/audit-log';
import { inTransaction } from '../../../platform/db/transaction';
import { leavesNoSuperAdmin } from '../domain/operator-rules';
import { IdentityErrors } from '../errors';
import type { OperatorAttrs } from '../persistence/models';
import { hashPassword, insertOperator, requireCanonicalUsername, requireStrongPassword } from './operator-auth';
import { publishOperatorState, stateOf } from './operator-state';
import type { IdentityDeps } from './ports';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export const toSummary = (o: OperatorAttrs): OperatorSummary => ({
  id: o.id,
  username: o.username,
  role: o.role,
  disabled: Boolean(o.disabled),
  lastLoginAt: iso(o.lastLoginAt),
  createdAt: iso(o.createdAt)!,
});

/** What the audit log keeps of an operator: who they are and what they may do (never the password hash). */
const facts = (o: OperatorAttrs) => ({
  username: o.username,
  role: o.role,
  disabled: Boolean(o.disabled),
  sessionVersion: Number(o.tokenVersion),
});

export async function listOperators(
  deps: Pick<IdentityDeps, 'models'>,
  q: z.output<typeof OperatorListQuery>,
): Promise<OperatorList> {
  const { rows, count } = await deps.models.Operator.findAndCountAll({ order: [['id', 'ASC']], ...pageWindow(q) });
  return { total: count, items: rows.map((r) => toSummary(r.get({ plain: true }))) };
}

export async function addOperator(
  deps: IdentityDeps,
  input: CreateOperatorRequest,
  by: OperatorRef,
): Promise<OperatorSummary> {
  const username = requireCanonicalUsername(input.username);
  requireStrongPassword(input.password, username);
  const passwordHash = await hashPassword(input.password); // before the transaction: bcrypt is slow
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    const created = await insertOperator(deps, t, { username, passwordHash, role: input.role });
    await deps.audit.record(t, by, {
      action: 'operator.create',
      entity: 'operator',
      entityId: created.id,
      after: facts(created),
    });
    return toSummary(created);
  });
}

/**
 * One audited change of an operator, under the row locks of the target and of every enabled super admin (taken in
 * id order, in one statement), refused when it would leave no enabled super admin.
 */
async function changeOperator(
  deps: IdentityDeps,
  operatorId: number,
  by: OperatorRef,
  action: string,
  patch: (
    current: OperatorAttrs,
  ) => Partial<Pick<OperatorAttrs, 'role' | 'disabled' | 'tokenVersion' | 'passwordHash'>>,
): Promise<OperatorSummary> {
  const after = await inTransaction(deps.sequelize, deps.db, async (t: Transaction) => {
    const locked = (
      await deps.models.Operator.findAll({
        where: { [Op.or]: [{ id: operatorId }, { role: 'super_admin', disabled: false }] },
        order: [['id', 'ASC']],
        transaction: t,
        lock: t.LOCK.UPDATE,
      })
    ).map((r) => r.get({ plain: true }));
    const current = locked.find((o) => o.id === operatorId);
    if (!current) throw IdentityErrors.OPERATOR_NOT_FOUND();
    const change = patch(current);
    const superAdmins = locked.filter((o) => o.role === 'super_admin' && !o.disabled);
    if (leavesNoSuperAdmin(superAdmins, { ...current, disabled: Boolean(current.disabled) }, change))
      throw IdentityErrors.LAST_SUPER_ADMIN();
    await deps.models.Operator.update(change, { where: { id: operatorId }, transaction: t });
    const updated = { ...current, ...change };
    await deps.audit.record(t, by, {
      action,
      entity: 'operator',
      entityId: operatorId,
      before: facts(current),
      after: facts(updated),
    });
    return updated;
  });
  await publishOperatorState(deps, operatorId, stateOf(after));
  return toSummary(after);
}

export function setOperatorRole(deps: IdentityDeps, operatorId: number, role: OperatorRole, by: OperatorRef) {
  return changeOperator(deps, operatorId, by, 'operator.change_role', () => ({ role }));
}

/** Disabling ends the operator's sessions (their version moves on), so enabling again does not revive them. */
export function setOperatorDisabled(deps: IdentityDeps, operatorId: number, disabled: boolean, by: OperatorRef) {
  return changeOperator(deps, operatorId, by, disabled ? 'operator.disable' : 'operator.enable', (current) =>
    disabled ? { disabled: true, tokenVersion: Number(current.tokenVersion) + 1 } : { disabled: false },
  );
}

/** A new password set by a super admin; every session of the operator ends. */
export async function resetOperatorPassword(
  deps: IdentityDeps,
  operatorId: number,
  password: string,
  by: OperatorRef,
): Promise<OperatorSummary> {
  const row = await deps.models.Operator.findByPk(operatorId, { attributes: ['username'] });
  if (!row) throw IdentityErrors.OPERATOR_NOT_FOUND();
  requireStrongPassword(password, row.getDataValue('username'));
  const passwordHash = await hashPassword(password);
  return changeOperator(deps, operatorId, by, 'operator.reset_password', (current) => ({
    passwordHash,
    tokenVersion: Number(current.tokenVersion) + 1,
  }));
}

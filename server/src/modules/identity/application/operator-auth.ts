import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { UniqueConstraintError, type Transaction } from 'sequelize';
import type { AdminLoginResponse, Operator, OperatorRole } from '../../../contracts/auth';
import { PlatformErrors } from '../../../kernel/errors';
import type { OperatorRef } from '../../../platform/audit/audit-log';
import { inTransaction } from '../../../platform/db/transaction';
import { checkPassword, checkUsername, normalizeUsername, weakPasswordHint } from '../domain/operator-rules';
import { IdentityErrors } from '../errors';
import type { OperatorAttrs } from '../persistence/models';
import { chargeLoginAttempt, loginFailureKeys } from './login-guard';
import { publishOperatorState, stateOf } from './operator-state';
import type { IdentityDeps } from './ports';

const BCRYPT_COST = 10;
// Compared against when the username is unknown, so both paths cost one bcrypt (no user enumeration by timing).
const DUMMY_HASH = bcrypt.hashSync('linli-dummy-password', BCRYPT_COST);

export const toOperator = (o: OperatorAttrs): Operator => ({ id: o.id, username: o.username, role: o.role });

/** A username an operator may be created with, or the 400 that says why not. */
export function requireCanonicalUsername(raw: string): string {
  const check = checkUsername(raw);
  if (check.ok) return check.username;
  if (check.reason === 'NOT_CANONICAL')
    throw IdentityErrors.USERNAME_NOT_CANONICAL(
      { canonical: check.canonical },
      `用户名须以规范形式书写（小写、半角、无首尾空格），例如 ${check.canonical}`,
    );
  throw IdentityErrors.USERNAME_INVALID();
}

/** A password an operator may have (at least 10 characters, not guessable), or the 400 that says why not. */
export function requireStrongPassword(password: string, username: string): void {
  const check = checkPassword(password, [username]);
  if (check.ok) return;
  if (check.reason === 'TOO_SHORT') throw IdentityErrors.PASSWORD_TOO_SHORT();
  if (check.reason === 'TOO_LONG') throw IdentityErrors.PASSWORD_TOO_LONG();
  throw IdentityErrors.PASSWORD_TOO_WEAK(
    { score: check.score, warning: check.warning, suggestions: check.suggestions },
    `密码太容易被猜到：${weakPasswordHint(check.warning)}`,
  );
}

export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);

export async function operatorLogin(
  deps: IdentityDeps,
  input: { username: string; password: string; ip: string },
): Promise<AdminLoginResponse> {
  const { Operator } = deps.models;
  // The name as it is stored (NFKC, trimmed, lower-case); the database then resolves it by its collation, and every
  // spelling it resolves to the same row is charged to that row (login-guard.ts explains both counters).
  const name = normalizeUsername(input.username);
  const row = await Operator.findOne({ where: { username: name } });
  const attempt = await chargeLoginAttempt(
    deps.rateLimits,
    loginFailureKeys(input.ip, row ? { operatorId: row.getDataValue('id') } : { unknownName: name }),
  );
  const ok = await bcrypt.compare(input.password, row?.getDataValue('passwordHash') ?? DUMMY_HASH);
  // only the stored spelling signs in (the same on every engine); the others were still charged to the row
  if (!row || !ok || row.getDataValue('username') !== name) throw IdentityErrors.LOGIN_FAILED();
  if (row.getDataValue('disabled')) throw IdentityErrors.OPERATOR_DISABLED();
  await attempt.succeeded();
  await row.update({ lastLoginAt: new Date() });
  const operator = row.get({ plain: true });
  return { token: sessionFor(deps, operator), operator: toOperator(operator) };
}

const sessionFor = (deps: Pick<IdentityDeps, 'tokens'>, o: OperatorAttrs) =>
  deps.tokens.issue({ kind: 'operator', operatorId: o.id, tokenVersion: Number(o.tokenVersion) });

/**
 * Adds an operator outside the admin (the first admin, `admin:create`, tests): the username must be canonical, the
 * password strong. The admin's audited creation is `addOperator` (operators.ts), by the same rules.
 */
export async function createOperator(
  deps: Pick<IdentityDeps, 'models'>,
  input: { username: string; password: string; role: OperatorRole },
): Promise<OperatorAttrs> {
  const username = requireCanonicalUsername(input.username);
  requireStrongPassword(input.password, username);
  const passwordHash = await hashPassword(input.password);
  return insertOperator(deps, undefined, { username, passwordHash, role: input.role });
}

/** Inserts an already validated operator (hash the password before opening a transaction: bcrypt is slow). */
export async function insertOperator(
  deps: Pick<IdentityDeps, 'models'>,
  t: Transaction | undefined,
  input: { username: string; passwordHash: string; role: OperatorRole },
): Promise<OperatorAttrs> {
  try {
    const row = await deps.models.Operator.create({ ...input, disabled: false, tokenVersion: 0 }, { transaction: t });
    return row.get({ plain: true });
  } catch (e) {
    if (e instanceof UniqueConstraintError)
      throw IdentityErrors.OPERATOR_EXISTS(undefined, `用户名 ${input.username} 已存在`);
    throw e;
  }
}

/** A random password that passes the rule (16 URL-safe characters, about 96 bits). */
export function generatePassword(): string {
  for (;;) {
    const password = randomBytes(12).toString('base64url');
    if (checkPassword(password).ok) return password;
  }
}

/**
 * The first super admin, when no operator exists yet: from the configured credentials, or generated (the caller
 * prints them). Returns undefined when operators already exist. A configured name or password the rules refuse
 * stops the start, naming the variable.
 */
export async function ensureFirstAdmin(
  deps: Pick<IdentityDeps, 'models'>,
  configured: { username?: string; password?: string },
): Promise<{ username: string; password: string; generated: boolean } | undefined> {
  if ((await deps.models.Operator.count()) > 0) return undefined;
  const username = configured.username ?? 'admin';
  const password = configured.password ?? generatePassword();
  try {
    requireCanonicalUsername(username);
  } catch (e) {
    throw new Error(`ADMIN_USERNAME is refused: ${(e as Error).message}`);
  }
  try {
    requireStrongPassword(password, username);
  } catch (e) {
    throw new Error(`ADMIN_PASSWORD is refused: ${(e as Error).message}`);
  }
  try {
    await createOperator(deps, { username, password, role: 'super_admin' });
  } catch (e) {
    if (IdentityErrors.OPERATOR_EXISTS.is(e)) return undefined; // another instance won
    throw e;
  }
  return { username, password, generated: !configured.password };
}

export async function getOperator(deps: Pick<IdentityDeps, 'models'>, id: number): Promise<Operator> {
  const row = await deps.models.Operator.findByPk(id);
  if (!row || row.getDataValue('disabled')) throw PlatformErrors.UNAUTHENTICATED(undefined, '账号不存在或已停用');
  return toOperator(row.get({ plain: true }));
}

/**
 * An operator changes their own password: the current one is checked (charged to the same failure counters as a
 * login, so a stolen session cannot guess it faster), the new one must be strong. Every session of the operator
 * ends (their version moves on) and this one gets a fresh token.
 */
export async function changeOwnPassword(
  deps: IdentityDeps,
  operatorId: number,
  input: { currentPassword: string; newPassword: string; ip: string },
  by: OperatorRef,
): Promise<AdminLoginResponse> {
  const row = await deps.models.Operator.findByPk(operatorId);
  if (!row) throw PlatformErrors.UNAUTHENTICATED(undefined, '账号不存在');
  const attempt = await chargeLoginAttempt(deps.rateLimits, loginFailureKeys(input.ip, { operatorId }));
  if (!(await bcrypt.compare(input.currentPassword, row.getDataValue('passwordHash'))))
    throw IdentityErrors.CURRENT_PASSWORD_WRONG();
  await attempt.succeeded();
  requireStrongPassword(input.newPassword, row.getDataValue('username'));
  const passwordHash = await hashPassword(input.newPassword);
  const after = await inTransaction(deps.sequelize, deps.db, async (t) => {
    const locked = await deps.models.Operator.findByPk(operatorId, { transaction: t, lock: t.LOCK.UPDATE });
    if (!locked) throw PlatformErrors.UNAUTHENTICATED(undefined, '账号不存在');
    const before = locked.get({ plain: true });
    await locked.update({ passwordHash, tokenVersion: before.tokenVersion + 1 }, { transaction: t });
    await deps.audit.record(t, by, {
      action: 'operator.change_password',
      entity: 'operator',
      entityId: operatorId,
      before: { sessionVersion: before.tokenVersion },
      after: { sessionVersion: before.tokenVersion + 1 },
    });
    return locked.get({ plain: true });
  });
  await publishOperatorState(deps, operatorId, stateOf(after));
  return { token: sessionFor(deps, after), operator: toOperator(after) };
}

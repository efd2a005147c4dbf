import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { UniqueConstraintError } from 'sequelize';
import type { AdminLoginResponse, Operator, OperatorRole } from '../../../contracts/auth';
import { AppError, conflict, unauthenticated } from '../../../kernel/errors';
import type { OperatorAttrs } from '../persistence/models';
import type { IdentityDeps } from './ports';

const BCRYPT_COST = 10;
// Compared against when the username is unknown, so both paths cost one bcrypt (no user enumeration by timing).
const DUMMY_HASH = bcrypt.hashSync('linli-dummy-password', BCRYPT_COST);

export const toOperator = (o: OperatorAttrs): Operator => ({ id: o.id, username: o.username, role: o.role });

export async function operatorLogin(
  deps: IdentityDeps,
  username: string,
  password: string,
): Promise<AdminLoginResponse> {
  const row = await deps.models.Operator.findOne({ where: { username } });
  const ok = await bcrypt.compare(password, row?.getDataValue('passwordHash') ?? DUMMY_HASH);
  if (!row || !ok) throw unauthenticated('用户名或密码错误', 'LOGIN_FAILED');
  if (row.getDataValue('disabled')) throw new AppError('forbidden', 'OPERATOR_DISABLED', '该账号已停用');
  await row.update({ lastLoginAt: new Date() });
  const operator = toOperator(row.get({ plain: true }));
  return { token: deps.tokens.issue({ kind: 'operator', operatorId: operator.id, role: operator.role }), operator };
}

export async function createOperator(
  deps: Pick<IdentityDeps, 'models'>,
  input: { username: string; password: string; role: OperatorRole },
): Promise<Operator> {
  if (input.password.length < 8) throw new AppError('invalid', 'PASSWORD_TOO_SHORT', '密码至少 8 位');
  try {
    const row = await deps.models.Operator.create({
      username: input.username,
      passwordHash: await bcrypt.hash(input.password, BCRYPT_COST),
      role: input.role,
    });
    return toOperator(row.get({ plain: true }));
  } catch (e) {
    if (e instanceof UniqueConstraintError) throw conflict('OPERATOR_EXISTS', `用户名 ${input.username} 已存在`);
    throw e;
  }
}

export function generatePassword(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * The first super admin, when no operator exists yet: from the configured credentials, or generated (the caller
 * prints them). Returns undefined when operators already exist.
 */
export async function ensureFirstAdmin(
  deps: Pick<IdentityDeps, 'models'>,
  configured: { username?: string; password?: string },
): Promise<{ username: string; password: string; generated: boolean } | undefined> {
  if ((await deps.models.Operator.count()) > 0) return undefined;
  const username = configured.username ?? 'admin';
  const password = configured.password ?? generatePassword();
  try {
    await createOperator(deps, { username, password, role: 'super_admin' });
  } catch (e) {
    if (e instanceof AppError && e.code === 'OPERATOR_EXISTS') return undefined; // another instance won
    throw e;
  }
  return { username, password, generated: !configured.password };
}

export async function getOperator(deps: Pick<IdentityDeps, 'models'>, id: number): Promise<Operator> {
  const row = await deps.models.Operator.findByPk(id);
  if (!row || row.getDataValue('disabled')) throw unauthenticated('账号不存在或已停用');
  return toOperator(row.get({ plain: true }));
}

// npm run admin:create -- --username NAME [--role super_admin|operations|customer_service|finance]
// The password comes from ADMIN_PASSWORD, or is generated and printed once. The username must be canonical
// (lower-case, half-width, [a-z0-9_.-]{3,32}) and the password at least 10 characters and not guessable (zxcvbn
// score ≥ 3): anything else is refused, naming the rule, and nothing is created.
import { parseArgs } from 'node:util';
import { OperatorRole } from '../contracts/auth';
import { isAppError } from '../kernel/errors';
import { ensureDatabase } from '../bootstrap/prepare';
import { loadConfig } from '../config';
import { buildApp } from '../app';
import { createOperator, generatePassword, type IdentityModels } from '../modules/identity';
import { migrate } from '../platform/db/migrator';
import { createRuntime } from '../platform/runtime';

async function run() {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, role: { type: 'string', default: 'super_admin' } },
  });
  if (!values.username) throw new Error('usage: npm run admin:create -- --username NAME [--role ROLE]');
  const role = OperatorRole.parse(values.role);
  const config = loadConfig();
  await ensureDatabase(config.mysqlUrl);
  const rt = createRuntime(config);
  await migrate(rt.sequelize);
  const password = process.env.ADMIN_PASSWORD || generatePassword();
  const { modules } = buildApp(rt);
  const models = modules.models.identity as IdentityModels;
  const op = await createOperator({ models }, { username: values.username, password, role });
  console.log(`created operator #${op.id} ${op.username} (${op.role})`);
  if (!process.env.ADMIN_PASSWORD) console.log(`password: ${password}`);
  await rt.close();
}
run().catch((e) => {
  console.error(isAppError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : e);
  process.exit(1);
});

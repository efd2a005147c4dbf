// npm run db:migrate — creates the database if missing (MySQL) and applies pending migrations.
import { ensureDatabase } from '../bootstrap/prepare';
import { loadConfig } from '../config';
import { migrate } from '../platform/db/migrator';
import { createRuntime } from '../platform/runtime';

async function run() {
  const config = loadConfig();
  await ensureDatabase(config.mysqlUrl);
  const rt = createRuntime(config);
  const applied = await migrate(rt.sequelize);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
  await rt.close();
}
run().catch((e) => {
  console.error(e);
  process.exit(1);
});

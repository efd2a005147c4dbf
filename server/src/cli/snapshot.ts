// npm run db:snapshot — migrates a scratch MySQL database (on MYSQL_URL's server, default the local MariaDB)
// and writes its DDL to sql/schema.mysql.sql.
import fs from 'node:fs';
import path from 'node:path';
import { Sequelize } from 'sequelize';
import { ensureMysqlDatabase } from '../platform/db/sequelize';
import { migrate } from '../platform/db/migrator';
import { dumpSchema } from '../platform/db/schema-dump';
import { repoPath } from '../platform/repo-paths';

export const SNAPSHOT_FILE = repoPath('sql/schema.mysql.sql');

async function run() {
  const url = new URL(process.env.MYSQL_URL || 'mysql://root:@127.0.0.1:3306/test');
  url.pathname = `/linli_snapshot_${process.pid}`;
  await ensureMysqlDatabase(url.toString());
  const sequelize = new Sequelize(url.toString(), { dialect: 'mysql', logging: false });
  try {
    await migrate(sequelize);
    fs.writeFileSync(SNAPSHOT_FILE, await dumpSchema(sequelize));
    console.log(`wrote ${path.relative(process.cwd(), SNAPSHOT_FILE)}`);
  } finally {
    await sequelize.query(`DROP DATABASE \`${url.pathname.slice(1)}\``);
    await sequelize.close();
  }
}
run().catch((e) => {
  console.error(e);
  process.exit(1);
});

import fs from 'node:fs';
import path from 'node:path';
import { dumpSchema } from '../../src/platform/db/schema-dump';
import { startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

it('sql/schema.mysql.sql matches what the migrations build (run `npm run db:snapshot` after a new migration)', async () => {
  const snapshot = fs.readFileSync(path.resolve(__dirname, '../../../sql/schema.mysql.sql'), 'utf8');
  expect(await dumpSchema(t.rt.sequelize)).toBe(snapshot);
});

it('every table is utf8mb4 with the unicode collation MariaDB and MySQL 8 share', async () => {
  const [rows] = (await t.rt.sequelize.query(
    'SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
  )) as [{ TABLE_NAME: string; TABLE_COLLATION: string }[], unknown];
  expect(rows.length).toBeGreaterThan(5);
  for (const r of rows) expect(`${r.TABLE_NAME}:${r.TABLE_COLLATION}`).toBe(`${r.TABLE_NAME}:utf8mb4_unicode_ci`);
});

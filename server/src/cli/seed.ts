// npm run db:seed — loads the demo catalog into an empty catalog (never over real data).
import { buildApp } from '../app';
import { seedDemoCatalog } from '../bootstrap/demo-seed';
import { ensureDatabase } from '../bootstrap/prepare';
import { loadConfig } from '../config';
import { migrate } from '../platform/db/migrator';
import { createRuntime } from '../platform/runtime';

async function run() {
  const config = loadConfig();
  await ensureDatabase(config.mysqlUrl);
  const rt = createRuntime(config);
  await migrate(rt.sequelize);
  const { modules } = buildApp(rt);
  const seeded = await seedDemoCatalog(rt, modules);
  console.log(
    seeded
      ? `seeded ${seeded.products} demo products, ${seeded.campaigns} group buys, ${seeded.seckillItems} seckill items`
      : 'the catalog is not empty: nothing seeded',
  );
  await rt.close();
}
run().catch((e) => {
  console.error(e);
  process.exit(1);
});

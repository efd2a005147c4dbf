// Getting a runtime's storage ready: create the MySQL database if missing, apply migrations, and (embedded demo)
// seed the catalog and the first super admin.
import type { AssembledModules } from '../kit/registry';
import { migrate } from '../platform/db/migrator';
import { ensureMysqlDatabase } from '../platform/db/sequelize';
import type { Runtime } from '../platform/runtime';
import { seedDemoCatalog } from './demo-seed';

export interface PrepareResult {
  migrations: string[];
  seeded?: { products: number; campaigns: number; seckillItems: number };
  firstAdmin?: { username: string; password: string; generated: boolean };
}

export async function ensureDatabase(mysqlUrl: string | undefined): Promise<void> {
  if (mysqlUrl) await ensureMysqlDatabase(mysqlUrl);
}

/** Migrates, seeds the demo catalog (sandbox) and makes the first super admin; the modules must be assembled. */
export async function prepare(
  rt: Runtime,
  modules: AssembledModules,
  opts: { seedDemo: boolean },
): Promise<PrepareResult> {
  const migrations = await migrate(rt.sequelize, rt.logger);
  const seeded = opts.seedDemo ? await seedDemoCatalog(rt, modules) : undefined;
  const firstAdmin = await modules.api('identity').ensureFirstAdmin(rt.config.admin);
  return { migrations, seeded, firstAdmin };
}

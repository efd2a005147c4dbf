// The schema lives in sql/migrations as ordered, forward-only migrations; umzug applies them and records them
// in the `schema_migrations` table. Nothing else creates tables (no sequelize.sync()).
import path from 'node:path';
import { DataTypes, type QueryInterface, type Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import type { Logger } from '../logger';
import { capabilitiesOf } from './capabilities';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../../sql/migrations');

export interface MigrationContext {
  queryInterface: QueryInterface;
  DataTypes: typeof DataTypes;
  sequelize: Sequelize;
  /** column types whose spelling differs by engine (SQLite has no UNSIGNED) */
  types: { uint: DataTypes.DataType };
}
export type Migration = { up(ctx: MigrationContext): Promise<void> };

export function createMigrator(sequelize: Sequelize, logger?: Logger) {
  return new Umzug<MigrationContext>({
    migrations: {
      glob: ['*.{ts,js}', { cwd: MIGRATIONS_DIR, ignore: ['*.d.ts'] }],
      resolve: ({ name, path: file, context }) => ({
        name: name.replace(/\.(ts|js)$/, ''),
        up: async () => {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const mod = require(file!) as { default?: Migration } & Migration;
          return (mod.default ?? mod).up(context);
        },
      }),
    },
    context: {
      queryInterface: sequelize.getQueryInterface(),
      DataTypes,
      sequelize,
      types: { uint: capabilitiesOf(sequelize).unsignedIntegers ? DataTypes.INTEGER.UNSIGNED : DataTypes.INTEGER },
    },
    // Our own model, so the bookkeeping table is utf8mb4 like every other (umzug's default model is utf8mb3).
    storage: new SequelizeStorage({
      model: sequelize.define(
        'SchemaMigration',
        { name: { type: DataTypes.STRING(255), allowNull: false, primaryKey: true } },
        { tableName: 'schema_migrations', timestamps: false, charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
      ),
    }),
    logger: logger
      ? {
          info: (m) => logger.info(m, 'migration'),
          warn: (m) => logger.warn(m, 'migration'),
          error: (m) => logger.error(m, 'migration'),
          debug: (m) => logger.debug(m, 'migration'),
        }
      : undefined,
  });
}

export async function migrate(sequelize: Sequelize, logger?: Logger): Promise<string[]> {
  const applied = await createMigrator(sequelize, logger).up();
  return applied.map((m) => m.name);
}

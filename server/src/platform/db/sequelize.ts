// One Sequelize instance: MySQL/MariaDB when MYSQL_URL is set, else an embedded SQLite file in DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { Sequelize } from 'sequelize';
import type { Logger } from '../logger';

export interface DbOptions {
  mysqlUrl?: string;
  dataDir: string;
  logger: Logger;
}

export async function ensureMysqlDatabase(mysqlUrl: string): Promise<void> {
  const url = new URL(mysqlUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[\w$]+$/.test(database)) throw new Error(`MYSQL_URL must name a database of [A-Za-z0-9_$], got "${database}"`);
  url.pathname = '/';
  const admin = new Sequelize(url.toString(), { dialect: 'mysql', logging: false });
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.close();
  }
}

export function createSequelize({ mysqlUrl, dataDir, logger }: DbOptions): Sequelize {
  const logging = (sql: string) => logger.trace({ sql }, 'sql');
  if (mysqlUrl) {
    return new Sequelize(mysqlUrl, {
      dialect: 'mysql',
      logging,
      timezone: '+00:00', // store instants in UTC
      pool: { max: 20, min: 0, idle: 10_000, acquire: 30_000 },
      dialectOptions: { charset: 'utf8mb4', dateStrings: false, supportBigNumbers: true, bigNumberStrings: false },
      define: { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci', underscored: true },
    });
  }
  fs.mkdirSync(dataDir, { recursive: true });
  return new Sequelize({
    dialect: 'sqlite',
    storage: path.join(dataDir, 'linli.sqlite'),
    logging,
    // SQLite serialises writers; one connection avoids SQLITE_BUSY between pooled connections.
    pool: { max: 1, min: 1, idle: 60_000 },
    define: { underscored: true },
    retry: { max: 5 },
  });
}

// The bench's own MariaDB work, as root: the fresh database and the server's account (created, then dropped),
// and the server's statement counter. Statements are counted per account (information_schema.USER_STATISTICS,
// switched on for the run and restored after), so other clients of the same MariaDB never enter the figure;
// where that is unavailable, the global `Questions` counter is used and the report says so.
import mysql from 'mysql2/promise';
import { DB, MYSQL } from './settings';

export type Admin = mysql.Connection;

export function connectAdmin(database?: string): Promise<Admin> {
  return mysql.createConnection({
    host: MYSQL.host,
    port: MYSQL.port,
    user: MYSQL.rootUser,
    password: MYSQL.rootPassword,
    database,
    multipleStatements: false,
    supportBigNumbers: true,
  });
}

export async function createBenchDatabase(admin: Admin): Promise<void> {
  await dropBenchDatabase(admin);
  await admin.query(`CREATE DATABASE \`${DB.name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.query(`CREATE USER '${DB.user}'@'127.0.0.1' IDENTIFIED BY ?`, [DB.password]);
  await admin.query(`GRANT ALL PRIVILEGES ON \`${DB.name}\`.* TO '${DB.user}'@'127.0.0.1'`);
}

export async function dropBenchDatabase(admin: Admin): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS \`${DB.name}\``);
  await admin.query(`DROP USER IF EXISTS '${DB.user}'@'127.0.0.1'`);
}

export interface StatementCounter {
  /** 'account': the server's own statements; 'global': every client's (a busy MariaDB inflates it) */
  scope: 'account' | 'global';
  read(): Promise<number>;
  restore(): Promise<void>;
}

export async function statementCounter(admin: Admin): Promise<StatementCounter> {
  const [rows] = await admin.query<mysql.RowDataPacket[]>(`SHOW GLOBAL VARIABLES LIKE 'userstat'`);
  const before = rows[0]?.Value as string | undefined;
  if (before !== undefined) {
    try {
      await admin.query('SET GLOBAL userstat = 1');
      return {
        scope: 'account',
        async read() {
          const [r] = await admin.query<mysql.RowDataPacket[]>(
            `SELECT SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS AS n
               FROM information_schema.USER_STATISTICS WHERE USER = ?`,
            [DB.user],
          );
          return Number(r[0]?.n ?? 0);
        },
        async restore() {
          await admin.query(`SET GLOBAL userstat = ${before === 'ON' ? 1 : 0}`);
        },
      };
    } catch {
      /* no SUPER privilege: fall through to the global counter */
    }
  }
  return {
    scope: 'global',
    async read() {
      const [r] = await admin.query<mysql.RowDataPacket[]>(`SHOW GLOBAL STATUS LIKE 'Questions'`);
      return Number(r[0]?.Value ?? 0);
    },
    async restore() {},
  };
}

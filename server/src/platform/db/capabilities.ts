// Where SQL differs between the embedded SQLite and MySQL/MariaDB, the code asks a capability, never a dialect
// name (Strapi's dialect.ts idea). Add a capability here rather than an `if (dialect === …)` elsewhere.
import type { Sequelize } from 'sequelize';

export interface DbCapabilities {
  /** SELECT … FOR UPDATE takes row locks (SQLite serialises whole writes instead and Sequelize drops it). */
  rowLocks: boolean;
  /** the server can be told to create databases */
  createDatabase: boolean;
  /** error numbers meaning "deadlock, retry the transaction" */
  isRetryableTxError(error: unknown): boolean;
  /** INTEGER UNSIGNED exists (SQLite ignores it with a warning) */
  unsignedIntegers: boolean;
  /**
   * VARCHAR comparisons go through a collation (case, accents and trailing spaces folded): a key that must match
   * byte for byte needs a binary column. SQLite compares TEXT byte for byte already.
   */
  collatedStrings: boolean;
  /** the clause that makes an INSERT of an existing key only set `column` to the new row's value */
  touchOnConflict(keyColumn: string, column: string): string;
}

export function capabilitiesOf(sequelize: Sequelize): DbCapabilities {
  const mysql = sequelize.getDialect() === 'mysql';
  return {
    rowLocks: mysql,
    createDatabase: mysql,
    unsignedIntegers: mysql,
    collatedStrings: mysql,
    touchOnConflict: (key, column) =>
      mysql
        ? ` ON DUPLICATE KEY UPDATE ${column} = VALUES(${column})`
        : ` ON CONFLICT (${key}) DO UPDATE SET ${column} = excluded.${column}`,
    isRetryableTxError(error) {
      const e = error as { parent?: { errno?: number; code?: string }; original?: { errno?: number; code?: string } };
      const inner = e?.parent ?? e?.original;
      if (mysql) return inner?.errno === 1213 || inner?.errno === 1205; // deadlock, lock wait timeout
      return inner?.code === 'SQLITE_BUSY';
    },
  };
}

// Runs a unit of work in one transaction, retrying it whole when the engine reports a deadlock or lock wait
// timeout (MariaDB 1213/1205 under racing orders). The work must pass `t` to every query it makes.
import type { Sequelize, Transaction } from 'sequelize';
import type { DbCapabilities } from './capabilities';

export async function inTransaction<T>(
  sequelize: Sequelize,
  db: DbCapabilities,
  work: (t: Transaction) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sequelize.transaction((t) => work(t));
    } catch (e) {
      if (attempt >= attempts || !db.isRetryableTxError(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}

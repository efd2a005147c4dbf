// Runs a unit of work in one transaction, retrying it whole when the engine reports a deadlock or lock wait
// timeout (MariaDB 1213/1205 under racing orders). The work must pass `t` to every query it makes: a query that
// escapes its transaction waits for a second pooled connection, and under load every connection is held by a
// transaction waiting for one (found by the bench). Outside production a hook refuses such queries outright.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Sequelize, Transaction } from 'sequelize';
import type { DbCapabilities } from './capabilities';

const openTransaction = new AsyncLocalStorage<Transaction>();

export async function inTransaction<T>(
  sequelize: Sequelize,
  db: DbCapabilities,
  work: (t: Transaction) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sequelize.transaction((t) => openTransaction.run(t, () => work(t)));
    } catch (e) {
      if (attempt >= attempts || !db.isRetryableTxError(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}

/** Development and tests: a query without `transaction` made while one of ours is open is a bug. */
export function refuseQueriesOutsideTransactions(sequelize: Sequelize): void {
  sequelize.addHook('beforeQuery', (options: { transaction?: Transaction | null }) => {
    const open = openTransaction.getStore() as (Transaction & { finished?: string }) | undefined;
    if (open && !open.finished && !options.transaction) {
      throw new Error('a query escaped its transaction: pass `transaction: t` (it would need a second connection)');
    }
  });
}

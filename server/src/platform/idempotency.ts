// Idempotency-Key for retried writes (api-contract.md): the key is recorded in the same transaction as the
// write it guards, with the response. A concurrent request with the same key waits on the unique index until the
// first commits, then gets the first response; if the first rolled back, it does the work itself. So the same key
// from the same user does the work once, and nothing is stuck "in progress" after a crash.
import {
  DataTypes,
  UniqueConstraintError,
  type Model,
  type ModelStatic,
  type Optional,
  type Sequelize,
  type Transaction,
} from 'sequelize';
import { invalid } from '../kernel/errors';
import type { DbCapabilities } from './db/capabilities';
import { inTransaction } from './db/transaction';

interface KeyAttrs {
  id: number;
  userId: number;
  scope: string;
  idemKey: string;
  status: string;
  responseStatus: number | null;
  responseJson: string | null;
  createdAt: Date;
}
type KeyModel = ModelStatic<
  Model<KeyAttrs, Optional<KeyAttrs, 'id' | 'responseStatus' | 'responseJson' | 'createdAt'>>
>;

const KEY_FORMAT = /^[\w-]{8,64}$/;

export class Idempotency {
  private readonly Key: KeyModel;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly db: DbCapabilities,
  ) {
    this.Key = sequelize.define(
      'IdempotencyKey',
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        userId: DataTypes.INTEGER,
        scope: DataTypes.STRING(64),
        idemKey: DataTypes.STRING(64),
        status: DataTypes.STRING(16),
        responseStatus: DataTypes.INTEGER,
        responseJson: DataTypes.TEXT,
        createdAt: DataTypes.DATE(3),
      },
      { tableName: 'idempotency_keys', updatedAt: false },
    );
  }

  /** Runs `work` in a transaction, once per (user, scope, key); without a key, just in a transaction. */
  async run<T>(
    userId: number,
    scope: string,
    key: string | undefined,
    work: (t: Transaction) => Promise<T>,
  ): Promise<T> {
    if (key !== undefined && !KEY_FORMAT.test(key)) {
      throw invalid('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key 须为 8–64 位字母、数字、下划线或连字符');
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(this.sequelize, this.db, async (t) => {
          const row = key
            ? await this.Key.create({ userId, scope, idemKey: key, status: 'pending' }, { transaction: t })
            : undefined;
          const result = await work(t);
          if (row)
            await row.update(
              { status: 'done', responseStatus: 200, responseJson: JSON.stringify(result) },
              { transaction: t },
            );
          return result;
        });
      } catch (e) {
        if (!(e instanceof UniqueConstraintError) || !key || attempt >= 3) throw e;
        const done = await this.Key.findOne({ where: { userId, scope, idemKey: key } });
        if (done?.getDataValue('responseJson')) return JSON.parse(done.getDataValue('responseJson')!) as T;
        // the first attempt rolled back between our insert and this read: try again
      }
    }
  }
}

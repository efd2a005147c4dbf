// Atomic limits, one primitive (never count-then-insert). A quota is a counter row per key, moved by one
// conditional `UPDATE … SET used = used + n WHERE quota_key = ? AND used + n <= limit` in the caller's
// transaction, so racing requests queue on the row and exactly as many pass as the limit allows. The row is
// created first by an upsert that takes the row's exclusive lock at once (an `INSERT IGNORE` would take a shared
// lock, and two of those upgrading to exclusive deadlock).
import { DataTypes, Op, type Model, type ModelStatic, type Sequelize, type Transaction } from 'sequelize';
import { capabilitiesOf } from './capabilities';
import { runInsert, runUpdate } from './raw';

interface QuotaAttrs {
  quotaKey: string;
  used: number;
  updatedAt: Date;
}
type QuotaModel = ModelStatic<Model<QuotaAttrs, Omit<QuotaAttrs, 'updatedAt'>>>;

export class Quotas {
  private readonly model: QuotaModel;

  private readonly touch: string;

  constructor(private readonly sequelize: Sequelize) {
    this.touch = capabilitiesOf(sequelize).touchOnConflict('quota_key', 'updated_at');
    this.model = sequelize.define(
      'QuotaCounter',
      {
        quotaKey: { type: DataTypes.STRING(191), primaryKey: true },
        used: DataTypes.INTEGER,
        updatedAt: DataTypes.DATE(3),
      },
      { tableName: 'quota_counters', createdAt: false },
    ) as QuotaModel;
  }

  /**
   * Takes `n` of `limit` under `key`; false (nothing changed) when that would exceed the limit. Two hand-written
   * statements (hot: every seckill order and group seat takes one or two quotas; the model layer cost more than
   * the database did).
   */
  async take(t: Transaction, key: string, limit: number, n = 1): Promise<boolean> {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`quota take of ${n}`);
    if (n > limit) return false;
    const now = new Date();
    await runInsert(
      this.sequelize,
      t,
      `INSERT INTO quota_counters (quota_key, used, updated_at) VALUES (?, 0, ?)${this.touch}`,
      [key, now],
    );
    const moved = await runUpdate(
      this.sequelize,
      t,
      'UPDATE quota_counters SET used = used + ?, updated_at = ? WHERE quota_key = ? AND used <= ?',
      [n, now, key, limit - n],
    );
    return moved === 1;
  }

  /** Gives `n` back (a cancelled order, a refunded seat); never below zero. */
  async release(t: Transaction, key: string, n = 1): Promise<void> {
    await this.model.update(
      { used: this.sequelize.literal(`used - ${n}`) as never },
      { where: { quotaKey: key, used: { [Op.gte]: n } }, transaction: t },
    );
  }

  async used(t: Transaction | undefined, key: string): Promise<number> {
    return (await this.model.findByPk(key, { transaction: t }))?.getDataValue('used') ?? 0;
  }
}

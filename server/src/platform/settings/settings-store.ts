// Operator-editable settings, one validated JSON document per key with code defaults. Reads are cached for a
// few seconds per process (every instance sees an edit within that time); a write clears this process's cache.
import { DataTypes, type Model, type ModelStatic, type Sequelize, type Transaction } from 'sequelize';
import type { z, ZodType } from 'zod';
import type { AuditLog, OperatorRef } from '../audit/audit-log';
import type { DbCapabilities } from '../db/capabilities';
import { inTransaction } from '../db/transaction';

interface SettingAttrs {
  settingKey: string;
  valueJson: string;
  updatedBy: number | null;
  updatedAt: Date;
}

export interface SettingDefinition<S extends ZodType> {
  key: string;
  schema: S;
  defaults: z.output<S>;
}

export class SettingsStore {
  private readonly model: ModelStatic<Model<SettingAttrs>>;
  private readonly cache = new Map<string, { value: unknown; until: number }>();

  constructor(
    private readonly sequelize: Sequelize,
    private readonly db: DbCapabilities,
    private readonly audit: AuditLog,
    private readonly ttlMs = 5000,
  ) {
    this.model = sequelize.define(
      'Setting',
      {
        settingKey: { type: DataTypes.STRING(64), primaryKey: true },
        valueJson: DataTypes.TEXT,
        updatedBy: DataTypes.INTEGER,
        updatedAt: DataTypes.DATE(3),
      },
      { tableName: 'settings', createdAt: false },
    );
  }

  /** The stored document merged over the defaults; a stored value that no longer validates falls back to them. */
  /** Inside a transaction pass it: a query outside it would wait for a second pooled connection. */
  async get<S extends ZodType>(transaction: Transaction | undefined, def: SettingDefinition<S>): Promise<z.output<S>> {
    const hit = this.cache.get(def.key);
    if (hit && hit.until > Date.now()) return hit.value as z.output<S>;
    const row = await this.model.findByPk(def.key, { transaction });
    let value = def.defaults;
    if (row) {
      const stored = JSON.parse(row.getDataValue('valueJson')) as object;
      const parsed = def.schema.safeParse({ ...(def.defaults as object), ...stored });
      if (parsed.success) value = parsed.data as z.output<S>;
    }
    this.cache.set(def.key, { value, until: Date.now() + this.ttlMs });
    return value;
  }

  /** Stores a new document and its audit entry (before → after) in one transaction. */
  async set<S extends ZodType>(def: SettingDefinition<S>, value: z.output<S>, by: OperatorRef): Promise<z.output<S>> {
    // retried whole on a deadlock: two first writes of a key race on the missing row's gap lock
    await inTransaction(this.sequelize, this.db, async (t) => {
      const before = await this.model.findByPk(def.key, {
        transaction: t,
        lock: this.db.rowLocks ? t.LOCK.UPDATE : undefined,
      });
      await this.model.upsert(
        { settingKey: def.key, valueJson: JSON.stringify(value), updatedBy: by.operatorId, updatedAt: new Date() },
        { transaction: t },
      );
      await this.audit.record(t, by, {
        action: 'settings.update',
        entity: 'settings',
        entityId: def.key,
        before: before ? JSON.parse(before.getDataValue('valueJson')) : def.defaults,
        after: value,
      });
    });
    this.cache.delete(def.key);
    return value;
  }
}

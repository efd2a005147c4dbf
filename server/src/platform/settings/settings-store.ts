// Operator-editable settings, one validated JSON document per key with code defaults. Reads are cached for a
// few seconds per process (every instance sees an edit within that time); a write clears this process's cache.
import { DataTypes, type Model, type ModelStatic, type Sequelize, type Transaction } from 'sequelize';
import type { z, ZodType } from 'zod';

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
    sequelize: Sequelize,
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
  async get<S extends ZodType>(def: SettingDefinition<S>, transaction?: Transaction): Promise<z.output<S>> {
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

  async set<S extends ZodType>(
    def: SettingDefinition<S>,
    value: z.output<S>,
    operatorId?: number,
  ): Promise<z.output<S>> {
    await this.model.upsert({
      settingKey: def.key,
      valueJson: JSON.stringify(value),
      updatedBy: operatorId ?? null,
      updatedAt: new Date(),
    });
    this.cache.delete(def.key);
    return value;
  }
}

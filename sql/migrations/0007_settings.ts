// Operator settings (order timeouts, shipping, later campaign defaults): one JSON document per key.
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, DataTypes: T }) {
    await qi.createTable('settings', {
      setting_key: { type: T.STRING(64), primaryKey: true, allowNull: false },
      value_json: { type: T.TEXT, allowNull: false },
      updated_by: { type: T.INTEGER, allowNull: true },
      updated_at: { type: T.DATE(3), allowNull: false },
    });
  },
};

export default migration;

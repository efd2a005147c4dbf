// The module kit: one counter table for every atomic limit (per-user campaign limits, new-user orders, later
// seckill and bargain quotas), and the campaign that priced each order line, as a typed snapshot.
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, DataTypes: T, types }) {
    await qi.createTable('quota_counters', {
      quota_key: { type: T.STRING(191), primaryKey: true, allowNull: false },
      used: { type: types.uint, allowNull: false, defaultValue: 0 },
      updated_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.addColumn('order_items', 'campaign_json', { type: T.STRING(255), allowNull: true });
  },
};

export default migration;

// Group buy (拼团): campaigns with per-SKU group (and leader) prices, groups with their seats, members holding
// seats through their orders. Orders learn their kind, so marketing modules can own their lifecycle hooks.
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, DataTypes: T, types }) {
    const id = { type: types.uint, autoIncrement: true, primaryKey: true, allowNull: false };
    const ref = (table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'RESTRICT') => ({
      type: types.uint,
      allowNull: false,
      references: { model: table, key: 'id' },
      onDelete,
      onUpdate: 'CASCADE',
    });
    const timestamps = {
      created_at: { type: T.DATE(3), allowNull: false },
      updated_at: { type: T.DATE(3), allowNull: false },
    };

    await qi.addColumn('orders', 'kind', { type: T.STRING(16), allowNull: false, defaultValue: 'normal' });

    await qi.createTable('groupbuy_campaigns', {
      id,
      product_id: ref('products'),
      title: { type: T.STRING(120), allowNull: false },
      size: { type: types.uint, allowNull: false },
      validity_hours: { type: types.uint, allowNull: false },
      starts_at: { type: T.DATE(3), allowNull: true },
      ends_at: { type: T.DATE(3), allowNull: true },
      per_user_limit: { type: types.uint, allowNull: false, defaultValue: 0 },
      new_users_only: { type: T.BOOLEAN, allowNull: false, defaultValue: false },
      virtual_completion: { type: T.BOOLEAN, allowNull: false, defaultValue: false },
      virtual_threshold_pct: { type: types.uint, allowNull: false, defaultValue: 50 },
      stack_with_coupons: { type: T.BOOLEAN, allowNull: false, defaultValue: false },
      enabled: { type: T.BOOLEAN, allowNull: false, defaultValue: true },
      ...timestamps,
    });
    await qi.addIndex('groupbuy_campaigns', ['product_id'], { name: 'groupbuy_campaigns_product' });

    await qi.createTable('groupbuy_campaign_skus', {
      id,
      campaign_id: ref('groupbuy_campaigns', 'CASCADE'),
      sku_id: ref('skus'),
      group_price_fen: { type: types.uint, allowNull: false },
      leader_price_fen: { type: types.uint, allowNull: true },
      created_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.addIndex('groupbuy_campaign_skus', ['campaign_id', 'sku_id'], {
      unique: true,
      name: 'groupbuy_campaign_skus_unique',
    });

    await qi.createTable('groupbuy_groups', {
      id,
      code: { type: T.STRING(16), allowNull: false },
      campaign_id: ref('groupbuy_campaigns'),
      leader_user_id: ref('users'),
      size: { type: types.uint, allowNull: false },
      status: { type: T.STRING(16), allowNull: false },
      seats_taken: { type: types.uint, allowNull: false, defaultValue: 0 },
      paid_count: { type: types.uint, allowNull: false, defaultValue: 0 },
      opened_at: { type: T.DATE(3), allowNull: true },
      expires_at: { type: T.DATE(3), allowNull: true },
      closed_at: { type: T.DATE(3), allowNull: true },
      close_reason: { type: T.STRING(32), allowNull: true },
      virtual_completed: { type: T.BOOLEAN, allowNull: false, defaultValue: false },
      ...timestamps,
    });
    await qi.addIndex('groupbuy_groups', ['code'], { unique: true, name: 'groupbuy_groups_code' });
    await qi.addIndex('groupbuy_groups', ['campaign_id', 'status'], { name: 'groupbuy_groups_campaign_status' });
    await qi.addIndex('groupbuy_groups', ['status', 'expires_at'], { name: 'groupbuy_groups_due' });

    await qi.createTable('groupbuy_members', {
      id,
      group_id: ref('groupbuy_groups'),
      campaign_id: ref('groupbuy_campaigns'),
      user_id: ref('users'),
      order_id: ref('orders'),
      is_leader: { type: T.BOOLEAN, allowNull: false, defaultValue: false },
      status: { type: T.STRING(16), allowNull: false },
      // the user id while the seat is held, NULL once released: one seat per user per group, enforced by MySQL
      holder_user_id: { type: types.uint, allowNull: true },
      paid_at: { type: T.DATE(3), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('groupbuy_members', ['group_id', 'holder_user_id'], {
      unique: true,
      name: 'groupbuy_members_one_seat',
    });
    await qi.addIndex('groupbuy_members', ['order_id'], { unique: true, name: 'groupbuy_members_order' });
    await qi.addIndex('groupbuy_members', ['campaign_id', 'user_id'], { name: 'groupbuy_members_campaign_user' });
  },
};

export default migration;

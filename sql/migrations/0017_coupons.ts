// Coupons (优惠券): templates an operator configures, and the copies users claim (one row each, with its own
// validity window and lifecycle status). Claims are limited by the kit's quotas (total and per user), never by
// counting rows.
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, DataTypes: T, types }) {
    const id = { type: types.uint, autoIncrement: true, primaryKey: true, allowNull: false };
    const fen = { type: types.uint, allowNull: false, defaultValue: 0 };
    await qi.createTable('coupon_templates', {
      id,
      name: { type: T.STRING(60), allowNull: false },
      type: { type: T.STRING(16), allowNull: false },
      threshold_fen: fen,
      amount_off_fen: fen,
      percent_off: { type: types.uint, allowNull: false, defaultValue: 0 },
      max_off_fen: { type: types.uint, allowNull: true },
      scope_kind: { type: T.STRING(16), allowNull: false, defaultValue: 'all' },
      scope_ids_json: { type: T.TEXT, allowNull: true },
      validity_kind: { type: T.STRING(8), allowNull: false },
      valid_start_at: { type: T.DATE(3), allowNull: true },
      valid_end_at: { type: T.DATE(3), allowNull: true },
      valid_days: { type: types.uint, allowNull: true },
      claim_start_at: { type: T.DATE(3), allowNull: true },
      claim_end_at: { type: T.DATE(3), allowNull: true },
      total: { type: types.uint, allowNull: false },
      per_user_limit: { type: types.uint, allowNull: false, defaultValue: 1 },
      claimable: { type: T.BOOLEAN, allowNull: false, defaultValue: true },
      stack_with_campaigns: { type: T.BOOLEAN, allowNull: false, defaultValue: false },
      enabled: { type: T.BOOLEAN, allowNull: false, defaultValue: true },
      created_at: { type: T.DATE(3), allowNull: false },
      updated_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.createTable('user_coupons', {
      id,
      coupon_id: {
        type: types.uint,
        allowNull: false,
        references: { model: 'coupon_templates', key: 'id' },
        onDelete: 'RESTRICT',
        onUpdate: 'CASCADE',
      },
      user_id: {
        type: types.uint,
        allowNull: false,
        references: { model: 'users', key: 'id' },
        onDelete: 'CASCADE',
        onUpdate: 'CASCADE',
      },
      status: { type: T.STRING(16), allowNull: false },
      valid_from: { type: T.DATE(3), allowNull: false },
      valid_until: { type: T.DATE(3), allowNull: false },
      /** the order holding (locked) or having used it */
      order_id: { type: types.uint, allowNull: true },
      created_at: { type: T.DATE(3), allowNull: false },
      updated_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.addIndex('user_coupons', ['user_id', 'status'], { name: 'user_coupons_user_status' });
    await qi.addIndex('user_coupons', ['coupon_id', 'status'], { name: 'user_coupons_coupon_status' });
    await qi.addIndex('user_coupons', ['status', 'valid_until'], { name: 'user_coupons_expiry' });
  },
};

export default migration;

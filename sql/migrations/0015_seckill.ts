// Seckill (秒杀): sessions on whole hours, items with their own stock moved out of a SKU, and one purchase per
// attempt the Redis script accepted (unique by attempt id, so replaying the attempt log writes each once).
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

    await qi.createTable('seckill_sessions', {
      id,
      start_at: { type: T.DATE(3), allowNull: false },
      end_at: { type: T.DATE(3), allowNull: false },
      settled_at: { type: T.DATE(3), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('seckill_sessions', ['start_at', 'end_at'], { unique: true, name: 'seckill_sessions_window' });
    await qi.addIndex('seckill_sessions', ['end_at'], { name: 'seckill_sessions_end' });

    await qi.createTable('seckill_items', {
      id,
      session_id: ref('seckill_sessions'),
      sku_id: ref('skus'),
      product_id: ref('products'),
      price_fen: { type: types.uint, allowNull: false },
      stock: { type: types.uint, allowNull: false },
      per_user_limit: { type: types.uint, allowNull: false, defaultValue: 1 },
      returned: { type: types.uint, allowNull: false, defaultValue: 0 },
      ...timestamps,
    });
    await qi.addIndex('seckill_items', ['session_id', 'sku_id'], { unique: true, name: 'seckill_items_session_sku' });

    await qi.createTable('seckill_purchases', {
      id,
      attempt_id: { type: T.STRING(48), allowNull: false },
      item_id: ref('seckill_items'),
      user_id: ref('users'),
      quantity: { type: types.uint, allowNull: false },
      order_id: { ...ref('orders'), allowNull: true },
      status: { type: T.STRING(16), allowNull: false },
      reason: { type: T.STRING(48), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('seckill_purchases', ['attempt_id'], { unique: true, name: 'seckill_purchases_attempt' });
    await qi.addIndex('seckill_purchases', ['item_id', 'status'], { name: 'seckill_purchases_item_status' });
    await qi.addIndex('seckill_purchases', ['order_id'], { name: 'seckill_purchases_order' });
  },
};

export default migration;

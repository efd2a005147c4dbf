// Addresses, orders with their line snapshots, and idempotency keys for retried writes.
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
    const fen = { type: types.uint, allowNull: false, defaultValue: 0 };
    const timestamps = {
      created_at: { type: T.DATE(3), allowNull: false },
      updated_at: { type: T.DATE(3), allowNull: false },
    };

    await qi.createTable('addresses', {
      id,
      user_id: ref('users', 'CASCADE'),
      name: { type: T.STRING(32), allowNull: false },
      phone: { type: T.STRING(20), allowNull: false },
      province: { type: T.STRING(32), allowNull: false },
      city: { type: T.STRING(32), allowNull: false },
      district: { type: T.STRING(32), allowNull: false },
      detail: { type: T.STRING(200), allowNull: false },
      is_default: { type: T.BOOLEAN, allowNull: false, defaultValue: false },
      ...timestamps,
    });
    await qi.addIndex('addresses', ['user_id'], { name: 'addresses_user' });

    await qi.createTable('orders', {
      id,
      order_no: { type: T.STRING(32), allowNull: false },
      user_id: ref('users'),
      status: { type: T.STRING(20), allowNull: false },
      items_total_fen: fen,
      discount_fen: fen,
      shipping_fen: fen,
      payable_fen: fen,
      paid_fen: fen,
      address_json: { type: T.TEXT, allowNull: false },
      remark: { type: T.STRING(200), allowNull: false, defaultValue: '' },
      pay_deadline: { type: T.DATE(3), allowNull: false },
      paid_at: { type: T.DATE(3), allowNull: true },
      cancelled_at: { type: T.DATE(3), allowNull: true },
      cancel_reason: { type: T.STRING(64), allowNull: true },
      carrier: { type: T.STRING(32), allowNull: true },
      tracking_no: { type: T.STRING(64), allowNull: true },
      shipped_at: { type: T.DATE(3), allowNull: true },
      completed_at: { type: T.DATE(3), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('orders', ['order_no'], { unique: true, name: 'orders_order_no' });
    await qi.addIndex('orders', ['user_id', 'status'], { name: 'orders_user_status' });
    await qi.addIndex('orders', ['status', 'pay_deadline'], { name: 'orders_status_deadline' });

    await qi.createTable('order_items', {
      id,
      order_id: ref('orders', 'CASCADE'),
      product_id: { type: types.uint, allowNull: false },
      sku_id: { type: types.uint, allowNull: false },
      title: { type: T.STRING(120), allowNull: false },
      specs_json: { type: T.STRING(500), allowNull: false },
      image: { type: T.STRING(500), allowNull: true },
      unit_price_fen: fen,
      quantity: { type: types.uint, allowNull: false },
      line_total_fen: fen,
      created_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.addIndex('order_items', ['order_id'], { name: 'order_items_order' });

    await qi.createTable('idempotency_keys', {
      id,
      user_id: { type: types.uint, allowNull: false },
      scope: { type: T.STRING(64), allowNull: false },
      idem_key: { type: T.STRING(64), allowNull: false },
      status: { type: T.STRING(16), allowNull: false },
      response_status: { type: T.INTEGER, allowNull: true },
      response_json: { type: T.TEXT, allowNull: true },
      created_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.addIndex('idempotency_keys', ['user_id', 'scope', 'idem_key'], {
      unique: true,
      name: 'idempotency_keys_unique',
    });
  },
};

export default migration;

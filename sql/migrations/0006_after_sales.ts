// After-sales: a consumer's request to get money back for some or all units of some lines (refund only before
// shipping, return and refund after), decided by an operator, paid back through the payment channel.
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

    // where a refunding order goes back to when its after-sale ends without refunding everything
    await qi.addColumn('orders', 'status_before_refund', { type: T.STRING(20), allowNull: true });

    await qi.createTable('after_sales', {
      id,
      order_id: ref('orders'),
      user_id: ref('users'),
      type: { type: T.STRING(16), allowNull: false },
      status: { type: T.STRING(16), allowNull: false },
      reason: { type: T.STRING(200), allowNull: false },
      amount_fen: { type: types.uint, allowNull: false },
      refund_id: { type: types.uint, allowNull: true },
      return_carrier: { type: T.STRING(32), allowNull: true },
      return_tracking_no: { type: T.STRING(64), allowNull: true },
      operator_note: { type: T.STRING(200), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('after_sales', ['order_id'], { name: 'after_sales_order' });
    await qi.addIndex('after_sales', ['status'], { name: 'after_sales_status' });
    await qi.addIndex('after_sales', ['refund_id'], { name: 'after_sales_refund' });

    await qi.createTable('after_sale_items', {
      id,
      after_sale_id: ref('after_sales', 'CASCADE'),
      order_item_id: ref('order_items'),
      quantity: { type: types.uint, allowNull: false },
      amount_fen: { type: types.uint, allowNull: false },
      created_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.addIndex('after_sale_items', ['after_sale_id'], { name: 'after_sale_items_after_sale' });
  },
};

export default migration;

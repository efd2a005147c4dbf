// After-sales as a buyer fills them in: a reason from a fixed list (still the `reason` column), an optional note,
// up to three photos, the order number kept on the request (the operator's list shows and searches it), and the
// return address copied onto a return when the operator approves it (a later edit of the setting moves no parcel).
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, DataTypes: T, types, sequelize }) {
    await qi.addColumn('after_sales', 'order_no', { type: T.STRING(32), allowNull: true });
    await sequelize.query(
      'UPDATE after_sales SET order_no = (SELECT o.order_no FROM orders o WHERE o.id = after_sales.order_id)',
    );
    await qi.addIndex('after_sales', ['order_no'], { name: 'after_sales_order_no' });
    await qi.addColumn('after_sales', 'buyer_note', { type: T.STRING(200), allowNull: true });
    await qi.addColumn('after_sales', 'return_address_json', { type: T.TEXT, allowNull: true });

    await qi.createTable('after_sale_photos', {
      id: { type: types.uint, autoIncrement: true, primaryKey: true, allowNull: false },
      after_sale_id: {
        type: types.uint,
        allowNull: false,
        references: { model: 'after_sales', key: 'id' },
        onDelete: 'CASCADE',
        onUpdate: 'CASCADE',
      },
      url: { type: T.STRING(255), allowNull: false },
      created_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.addIndex('after_sale_photos', ['after_sale_id'], { name: 'after_sale_photos_after_sale' });
  },
};

export default migration;

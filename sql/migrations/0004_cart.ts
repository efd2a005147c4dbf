// The consumer's cart: one line per SKU, quantities and a selected flag. Prices are never stored here.
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, DataTypes: T, types }) {
    await qi.createTable('cart_items', {
      id: { type: types.uint, autoIncrement: true, primaryKey: true, allowNull: false },
      user_id: {
        type: types.uint,
        allowNull: false,
        references: { model: 'users', key: 'id' },
        onDelete: 'CASCADE',
        onUpdate: 'CASCADE',
      },
      sku_id: { type: types.uint, allowNull: false },
      quantity: { type: types.uint, allowNull: false },
      selected: { type: T.BOOLEAN, allowNull: false, defaultValue: true },
      created_at: { type: T.DATE(3), allowNull: false },
      updated_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.addIndex('cart_items', ['user_id', 'sku_id'], { unique: true, name: 'cart_items_user_sku' });
  },
};

export default migration;

// The fuller catalog: category icons, soft-disabled SKUs (a SKU that order lines may reference is never deleted)
// and indexes for the consumer list's sort orders (price, sales).
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, DataTypes: T }) {
    await qi.addColumn('categories', 'icon', { type: T.STRING(500), allowNull: true });
    // set when an operator removes the SKU from the product's matrix; it then no longer sells or shows
    await qi.addColumn('skus', 'disabled_at', { type: T.DATE(3), allowNull: true });
    await qi.addIndex('categories', ['parent_id', 'sort'], { name: 'categories_parent_sort' });
    await qi.addIndex('products', ['on_shelf', 'min_price_fen'], { name: 'products_shelf_price' });
    await qi.addIndex('products', ['on_shelf', 'sales'], { name: 'products_shelf_sales' });
  },
};

export default migration;

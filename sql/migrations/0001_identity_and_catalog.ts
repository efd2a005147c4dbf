// Identity (consumers, their platform identities, operators, phone login codes), the thin catalog
// (categories, products, images, SKUs) and the operators' audit log.
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, DataTypes: T, types }) {
    const id = { type: types.uint, autoIncrement: true, primaryKey: true, allowNull: false };
    const fk = (table: string, onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' = 'RESTRICT', allowNull = false) => ({
      type: types.uint,
      allowNull,
      references: { model: table, key: 'id' },
      onDelete,
      onUpdate: 'CASCADE',
    });
    const timestamps = {
      created_at: { type: T.DATE(3), allowNull: false },
      updated_at: { type: T.DATE(3), allowNull: false },
    };

    await qi.createTable('users', {
      id,
      nickname: { type: T.STRING(64), allowNull: false },
      avatar: { type: T.STRING(500), allowNull: true },
      phone: { type: T.STRING(20), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('users', ['phone'], { name: 'users_phone' });

    await qi.createTable('user_identities', {
      id,
      user_id: fk('users', 'CASCADE'),
      provider: { type: T.STRING(16), allowNull: false },
      subject: { type: T.STRING(128), allowNull: false },
      union_id: { type: T.STRING(128), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('user_identities', ['provider', 'subject'], {
      unique: true,
      name: 'user_identities_provider_subject',
    });
    await qi.addIndex('user_identities', ['user_id'], { name: 'user_identities_user' });

    await qi.createTable('login_codes', {
      id,
      phone: { type: T.STRING(20), allowNull: false },
      code_hash: { type: T.STRING(64), allowNull: false },
      attempts: { type: types.uint, allowNull: false, defaultValue: 0 },
      expires_at: { type: T.DATE(3), allowNull: false },
      consumed_at: { type: T.DATE(3), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('login_codes', ['phone', 'created_at'], { name: 'login_codes_phone_created' });
    await qi.addIndex('login_codes', ['expires_at'], { name: 'login_codes_expires' });

    await qi.createTable('operators', {
      id,
      username: { type: T.STRING(64), allowNull: false },
      password_hash: { type: T.STRING(100), allowNull: false },
      role: { type: T.STRING(32), allowNull: false },
      disabled: { type: T.BOOLEAN, allowNull: false, defaultValue: false },
      last_login_at: { type: T.DATE(3), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('operators', ['username'], { unique: true, name: 'operators_username' });

    await qi.createTable('audit_logs', {
      id,
      operator_id: fk('operators', 'SET NULL', true),
      action: { type: T.STRING(64), allowNull: false },
      entity: { type: T.STRING(32), allowNull: false },
      entity_id: { type: T.STRING(64), allowNull: true },
      before_json: { type: T.TEXT, allowNull: true },
      after_json: { type: T.TEXT, allowNull: true },
      request_id: { type: T.STRING(64), allowNull: true },
      created_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.addIndex('audit_logs', ['entity', 'entity_id'], { name: 'audit_logs_entity' });

    await qi.createTable('categories', {
      id,
      parent_id: fk('categories', 'RESTRICT', true),
      name: { type: T.STRING(32), allowNull: false },
      sort: { type: T.INTEGER, allowNull: false, defaultValue: 0 },
      ...timestamps,
    });

    await qi.createTable('products', {
      id,
      category_id: fk('categories', 'SET NULL', true),
      title: { type: T.STRING(120), allowNull: false },
      subtitle: { type: T.STRING(200), allowNull: false, defaultValue: '' },
      description: { type: T.TEXT, allowNull: false },
      on_shelf: { type: T.BOOLEAN, allowNull: false, defaultValue: true },
      min_price_fen: { type: types.uint, allowNull: false },
      sales: { type: types.uint, allowNull: false, defaultValue: 0 },
      ...timestamps,
    });
    await qi.addIndex('products', ['on_shelf', 'category_id'], { name: 'products_shelf_category' });

    await qi.createTable('product_images', {
      id,
      product_id: fk('products', 'CASCADE'),
      url: { type: T.STRING(500), allowNull: false },
      sort: { type: T.INTEGER, allowNull: false, defaultValue: 0 },
      created_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.addIndex('product_images', ['product_id', 'sort'], { name: 'product_images_product' });

    await qi.createTable('skus', {
      id,
      product_id: fk('products', 'CASCADE'),
      specs_json: { type: T.STRING(500), allowNull: false, defaultValue: '{}' },
      price_fen: { type: types.uint, allowNull: false },
      stock: { type: types.uint, allowNull: false, defaultValue: 0 },
      code: { type: T.STRING(64), allowNull: true },
      image: { type: T.STRING(500), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('skus', ['product_id'], { name: 'skus_product' });
  },
};

export default migration;

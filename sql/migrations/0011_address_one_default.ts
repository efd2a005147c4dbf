// One default address per user, kept by the database: `default_user_id` is the user's id on their default address
// and NULL on every other, and it is unique (NULLs never collide), so no interleaving of writes, whoever makes
// them, can leave two defaults. The same SQL runs on MariaDB/MySQL and SQLite (a virtual generated column, indexed).
// Rows left by the old race are repaired first: the newest default stays; a user with addresses but no default
// gets their newest one.
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ sequelize }) {
    // derived tables, because MariaDB refuses a subquery on the table being updated
    await sequelize.query(
      `UPDATE addresses SET is_default = 0 WHERE is_default = 1 AND id NOT IN
         (SELECT id FROM (SELECT MAX(id) AS id FROM addresses WHERE is_default = 1 GROUP BY user_id) AS keep_default)`,
    );
    await sequelize.query(
      `UPDATE addresses SET is_default = 1 WHERE id IN
         (SELECT id FROM (SELECT MAX(id) AS id FROM addresses GROUP BY user_id
                          HAVING SUM(CASE WHEN is_default THEN 1 ELSE 0 END) = 0) AS newest)`,
    );
    await sequelize.query(
      `ALTER TABLE addresses ADD COLUMN default_user_id INTEGER
         GENERATED ALWAYS AS (CASE WHEN is_default THEN user_id ELSE NULL END) VIRTUAL`,
    );
    await sequelize.query('CREATE UNIQUE INDEX addresses_one_default ON addresses (default_user_id)');
  },
};

export default migration;

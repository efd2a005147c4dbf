// Idempotency keys as api-contract.md has them: any 1–255 printable ASCII characters, compared exactly, and bound
// to the request they were first used with (a hash of method, path and canonical body: the same key with another
// request is 422 IDEMPOTENCY_KEY_REUSED). MariaDB/MySQL compared `idem_key` under utf8mb4_unicode_ci, where
// `Key-1`, `key-1` and `key-1 ` are one key. Even the `_bin` collations pad with spaces (`k` = `k `) in MariaDB
// and in MySQL 8 alike, and no NO PAD binary collation has the same name in both, so the column becomes a binary
// string: VARBINARY compares every byte. SQLite compares TEXT byte for byte already and ignores VARCHAR lengths.
import { capabilitiesOf } from '../../server/src/platform/db/capabilities';
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, DataTypes: T, sequelize }) {
    if (capabilitiesOf(sequelize).collatedStrings) {
      await sequelize.query('ALTER TABLE `idempotency_keys` MODIFY `idem_key` VARBINARY(255) NOT NULL');
    }
    await qi.addColumn('idempotency_keys', 'request_hash', { type: T.CHAR(64), allowNull: true });
  },
};

export default migration;

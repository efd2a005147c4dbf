// Operators (issue 9): a per-operator session version, carried in every operator token and checked on every admin
// request (bumped when the operator is disabled or their password changes, so their sessions end at once), and
// usernames stored canonically (NFKC, trimmed, lower-case) so that one stored name is what every login spelling
// resolves to. A name whose canonical form is taken by another operator is left as it is (and can still sign in by
// its canonical spelling, resolved by the collation); new names must be canonical.
import { QueryTypes } from 'sequelize';
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, sequelize, types }) {
    await qi.addColumn('operators', 'token_version', { type: types.uint, allowNull: false, defaultValue: 0 });

    const rows = await sequelize.query<{ id: number; username: string }>('SELECT id, username FROM operators', {
      type: QueryTypes.SELECT,
    });
    const canonicalOf = (name: string) => name.normalize('NFKC').trim().toLowerCase();
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(canonicalOf(r.username), (counts.get(canonicalOf(r.username)) ?? 0) + 1);
    for (const r of rows) {
      const canonical = canonicalOf(r.username);
      if (canonical === r.username || counts.get(canonical) !== 1) continue;
      await sequelize.query('UPDATE operators SET username = ? WHERE id = ?', {
        replacements: [canonical, r.id],
        type: QueryTypes.UPDATE,
      });
    }
  },
};

export default migration;

// 提醒我: a shopper asks to be told when a seckill item's session opens; one reminder per user and item, marked
// when its notice is queued (so the job sends each once).
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, DataTypes: T, types }) {
    await qi.createTable('seckill_reminders', {
      id: { type: types.uint, autoIncrement: true, primaryKey: true, allowNull: false },
      item_id: {
        type: types.uint,
        allowNull: false,
        references: { model: 'seckill_items', key: 'id' },
        onDelete: 'CASCADE',
        onUpdate: 'CASCADE',
      },
      user_id: {
        type: types.uint,
        allowNull: false,
        references: { model: 'users', key: 'id' },
        onDelete: 'CASCADE',
        onUpdate: 'CASCADE',
      },
      /** the session's start, copied: the job finds the reminders due without a join */
      remind_at: { type: T.DATE(3), allowNull: false },
      sent_at: { type: T.DATE(3), allowNull: true },
      created_at: { type: T.DATE(3), allowNull: false },
    });
    await qi.addIndex('seckill_reminders', ['item_id', 'user_id'], {
      unique: true,
      name: 'seckill_reminders_item_user',
    });
    await qi.addIndex('seckill_reminders', ['sent_at', 'remind_at'], { name: 'seckill_reminders_due' });
  },
};

export default migration;

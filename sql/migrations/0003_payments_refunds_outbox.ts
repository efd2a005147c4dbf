// Payments (one row per order and channel), refunds (each with its own out_refund_no), and the outbox that
// carries durable work (refund submissions, confirmations, user notices) out of the transaction that caused it.
import type { Migration } from '../../server/src/platform/db/migrator';

const migration: Migration = {
  async up({ queryInterface: qi, DataTypes: T, types }) {
    const id = { type: types.uint, autoIncrement: true, primaryKey: true, allowNull: false };
    const ref = (table: string) => ({
      type: types.uint,
      allowNull: false,
      references: { model: table, key: 'id' },
      onDelete: 'RESTRICT',
      onUpdate: 'CASCADE',
    });
    const fen = { type: types.uint, allowNull: false, defaultValue: 0 };
    const timestamps = {
      created_at: { type: T.DATE(3), allowNull: false },
      updated_at: { type: T.DATE(3), allowNull: false },
    };

    await qi.createTable('payments', {
      id,
      order_id: ref('orders'),
      channel: { type: T.STRING(16), allowNull: false },
      out_trade_no: { type: T.STRING(32), allowNull: false },
      amount_fen: fen,
      status: { type: T.STRING(16), allowNull: false },
      prepay_id: { type: T.STRING(64), allowNull: true },
      prepared_at: { type: T.DATE(3), allowNull: true },
      transaction_id: { type: T.STRING(64), allowNull: true },
      paid_fen: fen,
      paid_at: { type: T.DATE(3), allowNull: true },
      closed_at: { type: T.DATE(3), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('payments', ['channel', 'out_trade_no'], { unique: true, name: 'payments_channel_trade' });
    await qi.addIndex('payments', ['order_id'], { name: 'payments_order' });
    await qi.addIndex('payments', ['status', 'prepared_at'], { name: 'payments_status_prepared' });

    await qi.createTable('refunds', {
      id,
      order_id: ref('orders'),
      payment_id: ref('payments'),
      out_refund_no: { type: T.STRING(64), allowNull: false },
      amount_fen: fen,
      reason: { type: T.STRING(32), allowNull: false },
      note: { type: T.STRING(200), allowNull: false, defaultValue: '' },
      status: { type: T.STRING(16), allowNull: false },
      channel_refund_id: { type: T.STRING(64), allowNull: true },
      last_error: { type: T.STRING(500), allowNull: true },
      succeeded_at: { type: T.DATE(3), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('refunds', ['out_refund_no'], { unique: true, name: 'refunds_out_refund_no' });
    await qi.addIndex('refunds', ['order_id'], { name: 'refunds_order' });
    await qi.addIndex('refunds', ['payment_id'], { name: 'refunds_payment' });

    await qi.createTable('outbox_messages', {
      id,
      topic: { type: T.STRING(64), allowNull: false },
      payload_json: { type: T.TEXT, allowNull: false },
      dedupe_key: { type: T.STRING(128), allowNull: true },
      status: { type: T.STRING(16), allowNull: false },
      attempts: { type: types.uint, allowNull: false, defaultValue: 0 },
      next_attempt_at: { type: T.DATE(3), allowNull: false },
      locked_until: { type: T.DATE(3), allowNull: true },
      last_error: { type: T.STRING(1000), allowNull: true },
      ...timestamps,
    });
    await qi.addIndex('outbox_messages', ['dedupe_key'], { unique: true, name: 'outbox_dedupe' });
    await qi.addIndex('outbox_messages', ['status', 'next_attempt_at'], { name: 'outbox_due' });
  },
};

export default migration;

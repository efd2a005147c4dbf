import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import { bindLifecycle } from '../../../platform/db/status-move';
import {
  PAYMENT_LIFECYCLE,
  REFUND_LIFECYCLE,
  type PaymentChannel,
  type PaymentStatus,
  type RefundStatus,
} from '../domain/lifecycle';

export interface PaymentAttrs {
  id: number;
  orderId: number;
  channel: PaymentChannel;
  outTradeNo: string;
  amountFen: number;
  status: PaymentStatus;
  prepayId: string | null;
  preparedAt: Date | null;
  transactionId: string | null;
  paidFen: number;
  paidAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
}

export interface RefundAttrs {
  id: number;
  orderId: number;
  paymentId: number;
  outRefundNo: string;
  amountFen: number;
  reason: string;
  note: string;
  status: RefundStatus;
  channelRefundId: string | null;
  lastError: string | null;
  succeededAt: Date | null;
  createdAt: Date;
}

type Nullable<A> = { [K in keyof A]: null extends A[K] ? K : never }[keyof A];
type M<A extends object, C extends keyof A> = ModelStatic<Model<A, Optional<A, C>>>;
export interface PaymentModels {
  Payment: M<PaymentAttrs, 'id' | 'paidFen' | 'createdAt' | Nullable<PaymentAttrs>>;
  Refund: M<RefundAttrs, 'id' | 'note' | 'createdAt' | Nullable<RefundAttrs>>;
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };
const date = DataTypes.DATE(3);

export function definePaymentModels(sequelize: Sequelize): PaymentModels {
  const Payment: PaymentModels['Payment'] = sequelize.define(
    'Payment',
    {
      id,
      orderId: DataTypes.INTEGER,
      channel: DataTypes.STRING(16),
      outTradeNo: DataTypes.STRING(32),
      amountFen: DataTypes.INTEGER,
      status: DataTypes.STRING(16),
      prepayId: DataTypes.STRING(64),
      preparedAt: date,
      transactionId: DataTypes.STRING(64),
      paidFen: { type: DataTypes.INTEGER, defaultValue: 0 },
      paidAt: date,
      closedAt: date,
      createdAt: date,
    },
    { tableName: 'payments' },
  );
  const Refund: PaymentModels['Refund'] = sequelize.define(
    'Refund',
    {
      id,
      orderId: DataTypes.INTEGER,
      paymentId: DataTypes.INTEGER,
      outRefundNo: DataTypes.STRING(64),
      amountFen: DataTypes.INTEGER,
      reason: DataTypes.STRING(32),
      note: { type: DataTypes.STRING(200), defaultValue: '' },
      status: DataTypes.STRING(16),
      channelRefundId: DataTypes.STRING(64),
      lastError: DataTypes.STRING(500),
      succeededAt: date,
      createdAt: date,
    },
    { tableName: 'refunds' },
  );
  bindLifecycle(Payment, PAYMENT_LIFECYCLE);
  bindLifecycle(Refund, REFUND_LIFECYCLE);
  return { Payment, Refund };
}

// Writing a new order and its lines as plain statements rather than model instances: placing an order is the
// hottest write, and building Sequelize instances (defaults, setters, validation, hooks) for a row and twenty lines
// was a third of its CPU. The lifecycle's rule on creation (an order starts in one of its initial states) is
// checked here, as the model hook checks it for `Order.create`.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { ORDER_LIFECYCLE } from '../domain/lifecycle';
import type { OrderAttrs, OrderItemAttrs } from './models';

export type NewOrder = Omit<
  OrderAttrs,
  | 'id'
  | 'paidFen'
  | 'paidAt'
  | 'cancelledAt'
  | 'cancelReason'
  | 'carrier'
  | 'trackingNo'
  | 'shippedAt'
  | 'completedAt'
  | 'statusBeforeRefund'
>;

const ORDER_COLUMNS: [keyof NewOrder, string][] = [
  ['orderNo', 'order_no'],
  ['userId', 'user_id'],
  ['kind', 'kind'],
  ['status', 'status'],
  ['itemsTotalFen', 'items_total_fen'],
  ['discountFen', 'discount_fen'],
  ['shippingFen', 'shipping_fen'],
  ['payableFen', 'payable_fen'],
  ['addressJson', 'address_json'],
  ['remark', 'remark'],
  ['payDeadline', 'pay_deadline'],
  ['createdAt', 'created_at'],
];

const ITEM_COLUMNS: [keyof Omit<OrderItemAttrs, 'id'>, string][] = [
  ['orderId', 'order_id'],
  ['productId', 'product_id'],
  ['skuId', 'sku_id'],
  ['title', 'title'],
  ['specsJson', 'specs_json'],
  ['image', 'image'],
  ['unitPriceFen', 'unit_price_fen'],
  ['quantity', 'quantity'],
  ['lineTotalFen', 'line_total_fen'],
  ['campaignJson', 'campaign_json'],
];

/** Inserts the order; returns it as `Order.create(…).get({ plain: true })` would. */
export async function insertOrder(sequelize: Sequelize, t: Transaction, row: NewOrder): Promise<OrderAttrs> {
  if (!ORDER_LIFECYCLE.initial.includes(row.status))
    throw new Error(
      `${ORDER_LIFECYCLE.name} created in ${row.status}; its lifecycle starts in ${ORDER_LIFECYCLE.initial.join('|')}`,
    );
  const columns = [...ORDER_COLUMNS.map(([, c]) => c), 'updated_at'];
  const values = [...ORDER_COLUMNS.map(([k]) => row[k]), row.createdAt];
  const [id] = (await sequelize.query(
    `INSERT INTO orders (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    { replacements: values, transaction: t, type: QueryTypes.INSERT },
  )) as unknown as [number, number];
  return { ...row, id: Number(id) } as OrderAttrs;
}

/** Inserts the lines in one statement; their ids are read back in insertion order (engine-neutral). */
export async function insertOrderItems(
  sequelize: Sequelize,
  t: Transaction,
  orderId: number,
  rows: Omit<OrderItemAttrs, 'id'>[],
): Promise<OrderItemAttrs[]> {
  const tuple = `(${[...ITEM_COLUMNS, 'created_at'].map(() => '?').join(', ')})`;
  const now = new Date();
  await sequelize.query(
    `INSERT INTO order_items (${[...ITEM_COLUMNS.map(([, c]) => c), 'created_at'].join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`,
    {
      replacements: rows.flatMap((r) => [...ITEM_COLUMNS.map(([k]) => r[k]), now]),
      transaction: t,
      type: QueryTypes.INSERT,
    },
  );
  const ids = await sequelize.query<{ id: number }>('SELECT id FROM order_items WHERE order_id = ? ORDER BY id', {
    replacements: [orderId],
    transaction: t,
    type: QueryTypes.SELECT,
  });
  if (ids.length !== rows.length) throw new Error(`order ${orderId}: ${ids.length} lines stored of ${rows.length}`);
  return rows.map((row, i) => ({ ...row, id: Number(ids[i]!.id) }));
}

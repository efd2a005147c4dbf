// The database's view of an item, which Redis must agree with: units held by purchases (ordered = reserved, paid
// = sold), per user, and the attempts whose units already came back.
import { QueryTypes, type Transaction } from 'sequelize';
import type { ItemAttrs } from '../persistence/models';
import type { SeckillDeps } from './ports';

export interface ItemFigures {
  sold: number;
  reserved: number;
  /** units still to sell: stock − sold − reserved − returned to the SKU */
  remaining: number;
  users: Map<number, number>;
  returnedAttempts: string[];
}

export async function itemFigures(
  deps: Pick<SeckillDeps, 'sequelize'>,
  t: Transaction | undefined,
  item: ItemAttrs,
): Promise<ItemFigures> {
  const rows = await deps.sequelize.query<{ user_id: number; status: string; units: string | number }>(
    `SELECT user_id, status, SUM(quantity) AS units FROM seckill_purchases
      WHERE item_id = ? AND status IN ('ordered', 'paid') GROUP BY user_id, status`,
    { replacements: [item.id], type: QueryTypes.SELECT, transaction: t },
  );
  const back = await deps.sequelize.query<{ attempt_id: string }>(
    `SELECT attempt_id FROM seckill_purchases WHERE item_id = ? AND status IN ('returned', 'failed')`,
    { replacements: [item.id], type: QueryTypes.SELECT, transaction: t },
  );
  let sold = 0;
  let reserved = 0;
  const users = new Map<number, number>();
  for (const r of rows) {
    const units = Number(r.units);
    if (r.status === 'paid') sold += units;
    else reserved += units;
    users.set(Number(r.user_id), (users.get(Number(r.user_id)) ?? 0) + units);
  }
  return {
    sold,
    reserved,
    remaining: Math.max(0, item.stock - sold - reserved - item.returned),
    users,
    returnedAttempts: back.map((b) => b.attempt_id),
  };
}

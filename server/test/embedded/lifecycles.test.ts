// Every lifecycle table, driven through the one status-move helper the code uses (on SQLite, no services): each
// declared move happens once as a conditional UPDATE, every undeclared one is refused with the lifecycle's code,
// and a status written any other way throws — on a scratch model and on every real lifecycle-bound model.
import { DataTypes, Sequelize, type Model, type ModelStatic } from 'sequelize';
import { AppError } from '../../src/kernel/errors';
import type { Lifecycle } from '../../src/kernel/lifecycle';
import { bindLifecycle, guardStatusWrites, moveStatus } from '../../src/platform/db/status-move';
import { AFTER_SALE_LIFECYCLE } from '../../src/modules/after-sale';
import { GROUP_LIFECYCLE, MEMBER_LIFECYCLE } from '../../src/modules/groupbuy';
import { ORDER_LIFECYCLE } from '../../src/modules/order';
import { PAYMENT_LIFECYCLE, REFUND_LIFECYCLE } from '../../src/modules/payment';
import { PURCHASE_LIFECYCLE } from '../../src/modules/seckill';
import { USER_COUPON_LIFECYCLE } from '../../src/modules/coupon';
import { startTestServer, type TestServer } from '../support/harness';

const LIFECYCLES: Lifecycle<string>[] = [
  ORDER_LIFECYCLE,
  GROUP_LIFECYCLE,
  MEMBER_LIFECYCLE,
  PAYMENT_LIFECYCLE,
  REFUND_LIFECYCLE,
  AFTER_SALE_LIFECYCLE,
  PURCHASE_LIFECYCLE,
  USER_COUPON_LIFECYCLE,
];

type Row = Model<{ id: number; status: string }, { id?: number; status: string }>;
let sequelize: Sequelize;
const things = new Map<string, ModelStatic<Row>>();

beforeAll(async () => {
  sequelize = new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
  guardStatusWrites(sequelize);
  for (const l of LIFECYCLES) {
    const model = sequelize.define<Row>(
      `Thing_${l.name}`,
      { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, status: DataTypes.STRING },
      { tableName: `things_${l.name}`, timestamps: false },
    );
    things.set(l.name, bindLifecycle(model, l));
  }
  await sequelize.sync();
});
afterAll(() => sequelize.close());

const pairs = LIFECYCLES.flatMap((l) => l.statuses.flatMap((from) => l.statuses.map((to) => [l, from, to] as const)));

describe.each(LIFECYCLES.map((l) => [l.name, l] as const))('%s', (_name, lifecycle) => {
  it('starts only in its initial statuses', async () => {
    const model = things.get(lifecycle.name)!;
    for (const s of lifecycle.statuses) {
      const create = model.create({ status: s });
      if (lifecycle.initial.includes(s)) await expect(create).resolves.toBeTruthy();
      else await expect(create).rejects.toThrow(/lifecycle starts in/);
    }
  });
});

it.each(pairs.map(([l, from, to]) => [l.name, from, to, l.can(from, to), l] as const))(
  '%s: %s → %s allowed=%s',
  async (name, from, to, allowed, lifecycle) => {
    const model = things.get(name)!;
    // arrange the row in `from` with raw SQL (the guard only lets the helper move a status)
    const id = (await model.create({ status: lifecycle.initial[0]! })).getDataValue('id');
    await sequelize.query(`UPDATE things_${name} SET status = ? WHERE id = ?`, { replacements: [from, id] });
    const read = async () => (await model.findByPk(id))!.getDataValue('status');
    await sequelize.transaction(async (t) => {
      const move = moveStatus(t, model, lifecycle, { id }, from, to);
      if (allowed) expect(await move).toBe(1);
      else await expect(move).rejects.toMatchObject({ code: lifecycle.errorCode, kind: 'conflict' });
    });
    expect(await read()).toBe(allowed ? to : from);
    if (allowed) {
      // the same move again finds the row no longer in `from`: nothing moves twice
      const again = await sequelize.transaction((t) => moveStatus(t, model, lifecycle, { id }, from, to));
      expect(again).toBe(from === to ? 1 : 0);
    }
  },
);

it('refuses a status written around the helper (bulk update, instance save, upsert)', async () => {
  const model = things.get('order')!;
  const row = await model.create({ status: 'pending_payment' });
  await expect(model.update({ status: 'to_ship' }, { where: { id: row.getDataValue('id') } })).rejects.toThrow(
    /outside moveStatus/,
  );
  row.set('status', 'to_ship');
  await expect(row.save()).rejects.toThrow(/outside moveStatus/);
  await expect(
    model.bulkCreate([{ id: row.getDataValue('id'), status: 'pending_payment' }], { updateOnDuplicate: ['status'] }),
  ).rejects.toThrow(/upsert/);
  expect((await model.findByPk(row.getDataValue('id')))!.getDataValue('status')).toBe('pending_payment');
});

it('has an error for every undeclared move and nothing leaves a final status', () => {
  for (const l of LIFECYCLES) {
    for (const s of l.statuses) if (l.isFinal(s)) expect(l.transitions[s]).toEqual([]);
    expect(() => l.assert(l.statuses[0]!, l.statuses[0]!)).toThrow(AppError);
  }
});

describe('the real models', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ mode: 'embedded' });
  });
  afterAll(() => t.close());

  it('every status column of orders, groups, members, payments, refunds and after-sales is guarded', async () => {
    const models: ModelStatic<Model>[] = [
      t.models.order.Order,
      t.models.groupbuy.Group,
      t.models.groupbuy.Member,
      t.models.payment.Payment,
      t.models.payment.Refund,
      t.models.afterSale.AfterSale,
      t.models.seckill.Purchase,
    ];
    for (const model of models) {
      await expect(model.update({ status: 'x' } as never, { where: { id: 0 } })).rejects.toThrow(/outside moveStatus/);
    }
  });
});

// The one way a status column changes. `moveStatus` checks `from → to` against the entity's declared lifecycle and
// writes it as a conditional `UPDATE … SET status = to WHERE … AND status = from` in the caller's transaction,
// answering how many rows moved (0: someone else moved it first). `guardStatusWrites` makes every other way of
// writing a status on a lifecycle-bound model throw, so a bypass fails the tests instead of drifting silently.
import { Op, type Model, type ModelStatic, type Sequelize, type Transaction, type WhereOptions } from 'sequelize';
import type { Lifecycle } from '../../kernel/lifecycle';

const bound = new WeakMap<object, Lifecycle<string>>();
const MOVE = Symbol('statusMove');

/** Declares that `model.status` follows `lifecycle`: only `moveStatus` may change it, creation only in an initial status. */
export function bindLifecycle<M extends ModelStatic<Model>>(model: M, lifecycle: Lifecycle<string>): M {
  bound.set(model, lifecycle);
  return model;
}

export async function moveStatus<S extends string, A extends { status: S }, C extends object>(
  t: Transaction,
  model: ModelStatic<Model<A, C>>,
  lifecycle: Lifecycle<S>,
  where: WhereOptions<A>,
  from: S | readonly S[],
  to: S,
  patch: Partial<Omit<A, 'status'>> = {},
): Promise<number> {
  const froms = (typeof from === 'string' ? [from] : from) as readonly S[];
  for (const f of froms) lifecycle.assert(f, to);
  const [moved] = await model.update(
    { ...patch, status: to } as never,
    {
      where: { ...(where as object), status: froms.length === 1 ? froms[0] : { [Op.in]: froms } } as never,
      transaction: t,
      [MOVE]: true,
    } as never,
  );
  return moved;
}

type HookOptions = { model?: object; attributes?: object; [MOVE]?: boolean };

function guardedLifecycle(model: unknown): Lifecycle<string> | undefined {
  return model ? bound.get(model as object) : undefined;
}

/** Installed on every Sequelize instance the runtime makes (production included: it costs a map lookup). */
export function guardStatusWrites(sequelize: Sequelize): void {
  sequelize.addHook('beforeBulkUpdate', (raw) => {
    const options = raw as HookOptions;
    const lifecycle = guardedLifecycle(options.model);
    if (!lifecycle || options[MOVE]) return;
    if (options.attributes && 'status' in options.attributes)
      throw new Error(`${lifecycle.name}.status written outside moveStatus (use the lifecycle helper)`);
  });
  sequelize.addHook('beforeUpdate', (instance: Model) => {
    const lifecycle = guardedLifecycle(instance.constructor);
    if (lifecycle && instance.changed('status' as never))
      throw new Error(`${lifecycle.name}.status written outside moveStatus (use the lifecycle helper)`);
  });
  const checkInitial = (instance: Model) => {
    const lifecycle = guardedLifecycle(instance.constructor);
    const status = instance.getDataValue('status' as never) as string | undefined;
    if (lifecycle && status !== undefined && !lifecycle.initial.includes(status))
      throw new Error(`${lifecycle.name} created in ${status}; its lifecycle starts in ${lifecycle.initial.join('|')}`);
  };
  sequelize.addHook('beforeCreate', checkInitial);
  sequelize.addHook('beforeBulkCreate', (instances: Model[], options: { updateOnDuplicate?: string[] }) => {
    for (const i of instances) checkInitial(i);
    const lifecycle = instances[0] && guardedLifecycle(instances[0].constructor);
    if (lifecycle && options.updateOnDuplicate?.includes('status'))
      throw new Error(`${lifecycle.name}.status written by an upsert (use the lifecycle helper)`);
  });
}

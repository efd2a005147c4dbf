import { UniqueConstraintError, type Sequelize, type Transaction } from 'sequelize';
import type { z } from 'zod';
import type { Address, AddressInput } from '../../../contracts/order';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import { inTransaction } from '../../../platform/db/transaction';
import { AddressErrors } from '../errors';
import type { AddressAttrs, AddressModel } from '../persistence/model';

export interface AddressDeps {
  sequelize: Sequelize;
  db: DbCapabilities;
  Address: AddressModel;
}

const toAddress = (a: AddressAttrs): Address => ({
  id: a.id,
  name: a.name,
  phone: a.phone,
  province: a.province,
  city: a.city,
  district: a.district,
  detail: a.detail,
  isDefault: Boolean(a.isDefault),
});

/**
 * Exactly one default address per user, under any concurrency:
 * - at most one is the database's: `default_user_id` (the user's id on the default, NULL elsewhere) is unique
 *   (migration 0011). A write racing another into a second default fails on that key; its transaction is rolled
 *   back whole and run again, and then sees the default that won (and replaces it when it asked to be the
 *   default). Locking "the user's addresses" instead would not do: before the first one exists there is no row to
 *   lock, and a `SELECT … WHERE user_id … FOR UPDATE` takes gap locks that deadlock with other users' inserts.
 * - at least one (while the user has any): a write that relies on the current default locks that row by primary
 *   key (a record lock, no gap) and reads it again, so it queues behind a delete of it and then sees it gone; a
 *   delete of the default promotes the newest remaining address in its transaction.
 */
async function withOneDefault<T>(deps: AddressDeps, work: (t: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(deps.sequelize, deps.db, work);
    } catch (e) {
      const again = e instanceof UniqueConstraintError || deps.db.isRetryableTxError(e);
      if (!again || attempt >= 30) throw e;
      await new Promise((r) => setTimeout(r, 2 + Math.random() * 10 * Math.min(attempt, 5)));
    }
  }
}

/** The row by primary key under its write lock (a record lock), or null when it is gone. */
async function lockRow(deps: AddressDeps, t: Transaction, id: number) {
  const row = await deps.Address.findOne({
    where: { id },
    transaction: t,
    lock: deps.db.rowLocks ? t.LOCK.UPDATE : undefined,
  });
  return row?.get({ plain: true }) ?? null;
}

export async function createAddress(
  deps: AddressDeps,
  userId: number,
  input: z.output<typeof AddressInput>,
): Promise<Address> {
  return withOneDefault(deps, async (transaction) => {
    const own = await deps.Address.findAll({ where: { userId }, attributes: ['id', 'isDefault'], transaction });
    const seen = own.find((a) => a.getDataValue('isDefault'))?.getDataValue('id');
    const current = seen ? await lockRow(deps, transaction, seen) : null;
    const hasDefault = !!current?.isDefault;
    const isDefault = input.isDefault || !hasDefault;
    // Clear the old default by primary key: an UPDATE … WHERE user_id takes gap locks on the user_id index that
    // deadlock with other users' first inserts (seen as MariaDB 1213 under 100 racing sign-ups).
    if (isDefault && hasDefault) await deps.Address.update({ isDefault: false }, { where: { id: seen }, transaction });
    const row = await deps.Address.create({ ...input, userId, isDefault }, { transaction });
    return toAddress(row.get({ plain: true }));
  });
}

/**
 * Makes `keep` (already locked, the user's) the default: clears the current default first, by primary key under
 * its lock, so the unique `default_user_id` never sees two; a racing writer fails on that key and runs again.
 */
async function takeDefault(deps: AddressDeps, t: Transaction, userId: number, keep: number): Promise<void> {
  const seen = await deps.Address.findOne({ where: { userId, isDefault: true }, attributes: ['id'], transaction: t });
  const currentId = seen?.getDataValue('id');
  if (currentId && currentId !== keep && (await lockRow(deps, t, currentId))?.isDefault) {
    await deps.Address.update({ isDefault: false }, { where: { id: currentId }, transaction: t });
  }
  await deps.Address.update({ isDefault: true }, { where: { id: keep }, transaction: t });
}

/** The user's own address under its lock, or ADDRESS_NOT_FOUND (another user's is reported as missing). */
async function lockOwn(deps: AddressDeps, t: Transaction, userId: number, id: number) {
  const row = await lockRow(deps, t, id);
  if (!row || row.userId !== userId) throw AddressErrors.ADDRESS_NOT_FOUND();
  return row;
}

/**
 * Replaces the user's own address. `isDefault: true` makes it the default; the default stays the default whatever
 * the body says (a user with addresses always has one: another address is made the default instead).
 */
export async function updateAddress(
  deps: AddressDeps,
  userId: number,
  id: number,
  input: z.output<typeof AddressInput>,
): Promise<Address> {
  return withOneDefault(deps, async (transaction) => {
    const row = await lockOwn(deps, transaction, userId, id);
    const { isDefault, ...fields } = input;
    await deps.Address.update(fields, { where: { id }, transaction });
    if (isDefault && !row.isDefault) await takeDefault(deps, transaction, userId, id);
    return toAddress({ ...row, ...fields, isDefault: row.isDefault || isDefault });
  });
}

/** Makes the user's own address their default (the previous default stops being one). */
export async function setDefaultAddress(deps: AddressDeps, userId: number, id: number): Promise<Address> {
  return withOneDefault(deps, async (transaction) => {
    const row = await lockOwn(deps, transaction, userId, id);
    if (!row.isDefault) await takeDefault(deps, transaction, userId, id);
    return toAddress({ ...row, isDefault: true });
  });
}

export async function listAddresses(deps: AddressDeps, userId: number): Promise<{ items: Address[] }> {
  const rows = await deps.Address.findAll({
    where: { userId },
    order: [
      ['isDefault', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  return { items: rows.map((r) => toAddress(r.get({ plain: true }))) };
}

/** The user's own address; another user's is reported as missing, never as forbidden. */
export async function getOwnAddress(deps: AddressDeps, userId: number, id: number): Promise<Address> {
  // raw: read on every order and group seat, and only its fields are needed (no model instance)
  const row = (await deps.Address.findOne({ where: { id, userId }, raw: true })) as AddressAttrs | null;
  if (!row) throw AddressErrors.ADDRESS_NOT_FOUND();
  return toAddress(row);
}

/** Deletes the user's own address; deleting the default makes the newest remaining one the default. */
export async function deleteAddress(deps: AddressDeps, userId: number, id: number): Promise<{ ok: true }> {
  return withOneDefault(deps, async (transaction) => {
    const row = await lockOwn(deps, transaction, userId, id);
    await deps.Address.destroy({ where: { id }, transaction });
    if (!row.isDefault) return { ok: true as const };
    const rest = await deps.Address.findAll({
      where: { userId },
      attributes: ['id'],
      order: [['id', 'DESC']],
      transaction,
    });
    for (const r of rest) {
      const candidate = r.getDataValue('id');
      if (!(await lockRow(deps, transaction, candidate))) continue; // deleted meanwhile
      await deps.Address.update({ isDefault: true }, { where: { id: candidate }, transaction });
      break;
    }
    return { ok: true as const };
  });
}

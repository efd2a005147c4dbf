import type { Sequelize } from 'sequelize';
import type { z } from 'zod';
import type { Address, AddressInput } from '../../../contracts/order';
import { notFound } from '../../../kernel/errors';
import type { DbCapabilities } from '../../../platform/db/capabilities';
import { inTransaction } from '../../../platform/db/transaction';
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

export async function createAddress(
  deps: AddressDeps,
  userId: number,
  input: z.output<typeof AddressInput>,
): Promise<Address> {
  return inTransaction(deps.sequelize, deps.db, async (transaction) => {
    const defaults = await deps.Address.findAll({ where: { userId }, attributes: ['id', 'isDefault'], transaction });
    const isDefault = input.isDefault || defaults.length === 0;
    // Clear the old default by primary key: an UPDATE … WHERE user_id takes gap locks on the user_id index that
    // deadlock with other users' first inserts (seen as MariaDB 1213 under 100 racing sign-ups).
    const previous = defaults.filter((a) => a.getDataValue('isDefault')).map((a) => a.getDataValue('id'));
    if (isDefault && previous.length)
      await deps.Address.update({ isDefault: false }, { where: { id: previous }, transaction });
    const row = await deps.Address.create({ ...input, userId, isDefault }, { transaction });
    return toAddress(row.get({ plain: true }));
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
  const row = await deps.Address.findOne({ where: { id, userId } });
  if (!row) throw notFound('收货地址', 'ADDRESS_NOT_FOUND');
  return toAddress(row.get({ plain: true }));
}

export async function deleteAddress(deps: AddressDeps, userId: number, id: number): Promise<{ ok: true }> {
  const n = await deps.Address.destroy({ where: { id, userId } });
  if (!n) throw notFound('收货地址', 'ADDRESS_NOT_FOUND');
  return { ok: true };
}

// The buyer's photos of an after-sale (up to three). The catalog's image machinery checks the bytes and stores
// them; the count is checked under the request's row lock, so parallel uploads cannot make a fourth.
import { MAX_AFTER_SALE_PHOTOS } from '../../../contracts/after-sale';
import { inTransaction } from '../../../platform/db/transaction';
import { AfterSaleErrors } from '../errors';
import type { AfterSaleStatus } from '../domain/rules';
import type { AfterSaleDeps, UploadedFile } from './ports';
import { lockAfterSale } from './requests';

/** Photos help the operator decide, and show what is sent back: not once the request is decided and done. */
const PHOTO_STATUSES: readonly AfterSaleStatus[] = ['requested', 'awaiting_return'];

export async function addAfterSalePhoto(
  deps: AfterSaleDeps,
  userId: number,
  id: number,
  file: UploadedFile | undefined,
) {
  return inTransaction(deps.sequelize, deps.db, async (t) => {
    // someone else's request is not found, before its bytes are even looked at
    const { afterSale } = await lockAfterSale(deps, t, id, userId);
    if (!PHOTO_STATUSES.includes(afterSale.status))
      throw AfterSaleErrors.AFTER_SALE_STATE_INVALID({ status: afterSale.status }, '当前状态不能再上传图片');
    // a locking read: a plain one would see this transaction's snapshot, older than a parallel upload's commit
    const stored = await deps.models.AfterSalePhoto.findAll({
      attributes: ['id'],
      where: { afterSaleId: id },
      transaction: t,
      lock: deps.db.rowLocks ? t.LOCK.UPDATE : undefined,
    });
    if (stored.length >= MAX_AFTER_SALE_PHOTOS)
      throw AfterSaleErrors.AFTER_SALE_PHOTO_LIMIT({ max: MAX_AFTER_SALE_PHOTOS });
    const { url } = await deps.images.storeImage(file);
    const row = await deps.models.AfterSalePhoto.create({ afterSaleId: id, url }, { transaction: t });
    return { id: row.getDataValue('id'), url };
  });
}

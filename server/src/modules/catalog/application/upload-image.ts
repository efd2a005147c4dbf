// Image upload: the bytes decide what a file is (never its name or the client's Content-Type), so an SVG or HTML
// file renamed .png is refused rather than served from our origin.
import type { UploadedImage } from '../../../contracts/catalog';
import { MAX_IMAGE_BYTES, sniffImageType } from '../domain/image-type';
import { inTransaction } from '../../../platform/db/transaction';
import { CatalogErrors } from '../errors';
import type { CatalogDeps, Operator } from './ports';

export interface UploadedFile {
  buffer: Buffer;
  size: number;
}

/** Checks and stores one image (also the catalog API's `storeImage`, for buyers' after-sale photos). */
export async function storeImage(
  deps: Pick<CatalogDeps, 'images'>,
  file: UploadedFile | undefined,
): Promise<UploadedImage> {
  if (!file || file.size === 0) throw CatalogErrors.IMAGE_MISSING();
  if (file.size > MAX_IMAGE_BYTES) throw CatalogErrors.IMAGE_TOO_LARGE({ max: MAX_IMAGE_BYTES });
  const type = sniffImageType(file.buffer);
  if (!type) throw CatalogErrors.IMAGE_TYPE_UNSUPPORTED();
  const stored = await deps.images.put(file.buffer, type.contentType);
  return { key: stored.key, url: stored.url, contentType: type.contentType, size: file.size };
}

export async function uploadImage(
  deps: Pick<CatalogDeps, 'images' | 'logger' | 'sequelize' | 'db' | 'audit'>,
  file: UploadedFile | undefined,
  by: Operator,
): Promise<UploadedImage> {
  const uploaded = await storeImage(deps, file);
  // the file is stored first (a storage is not transactional); the entry says who put it there
  await inTransaction(deps.sequelize, deps.db, (t) =>
    deps.audit.record(t, by, { action: 'image.upload', entity: 'image', entityId: uploaded.key, after: uploaded }),
  );
  return uploaded;
}

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

export async function uploadImage(
  deps: Pick<CatalogDeps, 'images' | 'logger' | 'sequelize' | 'db' | 'audit'>,
  file: UploadedFile | undefined,
  by: Operator,
): Promise<UploadedImage> {
  if (!file || file.size === 0) throw CatalogErrors.IMAGE_MISSING();
  if (file.size > MAX_IMAGE_BYTES) throw CatalogErrors.IMAGE_TOO_LARGE({ max: MAX_IMAGE_BYTES });
  const type = sniffImageType(file.buffer);
  if (!type) throw CatalogErrors.IMAGE_TYPE_UNSUPPORTED();
  const stored = await deps.images.put(file.buffer, type.contentType);
  const uploaded = { key: stored.key, url: stored.url, contentType: type.contentType, size: file.size };
  // the file is stored first (a storage is not transactional); the entry says who put it there
  await inTransaction(deps.sequelize, deps.db, (t) =>
    deps.audit.record(t, by, { action: 'image.upload', entity: 'image', entityId: stored.key, after: uploaded }),
  );
  return uploaded;
}

// Image upload: the bytes decide what a file is (never its name or the client's Content-Type), so an SVG or HTML
// file renamed .png is refused rather than served from our origin.
import type { UploadedImage } from '../../../contracts/catalog';
import { invalid, tooLarge } from '../../../kernel/errors';
import { MAX_IMAGE_BYTES, sniffImageType } from '../domain/image-type';
import type { CatalogDeps, Operator } from './ports';

export interface UploadedFile {
  buffer: Buffer;
  size: number;
}

export async function uploadImage(
  deps: Pick<CatalogDeps, 'images' | 'logger'>,
  file: UploadedFile | undefined,
  by: Operator,
): Promise<UploadedImage> {
  if (!file || file.size === 0) throw invalid('IMAGE_MISSING', '请选择要上传的图片（表单字段 file）');
  if (file.size > MAX_IMAGE_BYTES) throw tooLarge('IMAGE_TOO_LARGE', '图片不能超过 5 MB', { max: MAX_IMAGE_BYTES });
  const type = sniffImageType(file.buffer);
  if (!type) throw invalid('IMAGE_TYPE_UNSUPPORTED', '只支持 PNG、JPEG、GIF、WebP 图片');
  const stored = await deps.images.put(file.buffer, type.contentType);
  deps.logger.info({ key: stored.key, size: file.size, operatorId: by.operatorId }, 'image uploaded');
  return { key: stored.key, url: stored.url, contentType: type.contentType, size: file.size };
}

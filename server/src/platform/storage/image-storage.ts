// Where uploaded images live. The app talks to `ImageStorage` only, so an object store (OSS, COS, S3) can replace
// the local directory with another implementation of `put`; the returned URL is what product records keep.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface StoredImage {
  /** the storage key, e.g. `2026/11/3f9a0c1e2b7d4a56.png` */
  key: string;
  /** where clients fetch it (site-relative for the local store) */
  url: string;
}

export interface ImageStorage {
  put(bytes: Uint8Array, contentType: string): Promise<StoredImage>;
}

const EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** A random, non-guessable key under a year/month folder; the extension follows the content type. */
export function newImageKey(contentType: string, now = new Date()): string {
  const ext = EXT[contentType];
  if (!ext) throw new Error(`not an image type we store: ${contentType}`);
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return `${month}/${randomBytes(12).toString('hex')}.${ext}`;
}

/** Files under `DATA_DIR/uploads/`, served by the app at `/uploads/<key>` (http/static.ts). */
export class LocalFileStorage implements ImageStorage {
  constructor(
    private readonly dir: string,
    private readonly publicPrefix = '/uploads',
  ) {}

  async put(bytes: Uint8Array, contentType: string): Promise<StoredImage> {
    const key = newImageKey(contentType);
    const file = path.join(this.dir, ...key.split('/'));
    await fs.mkdir(path.dirname(file), { recursive: true });
    // write then rename: a reader never sees half a file
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.rename(tmp, file);
    return { key, url: `${this.publicPrefix}/${key}` };
  }
}

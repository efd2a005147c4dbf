// Answers cached in memory (platform/micro-cache.ts) are compressed once per load, not once per hit: a product page
// opened by thousands is served the same brotli or gzip bytes until its entry is reloaded. koa-compress leaves an
// answer that already has a Content-Encoding alone; it still compresses everything else.
import type { Context } from 'koa';
import zlib from 'node:zlib';

/** the same threshold and brotli quality as the on-the-fly compression in app.ts */
const THRESHOLD_BYTES = 1024;
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

const encoded = new WeakMap<object, { br?: Buffer; gzip?: Buffer }>();

/** Sets `ctx.body` to the cached value's compressed JSON when the client accepts one; false when it does not. */
export function sendPrecompressed(ctx: Context, value: object, json: string): boolean {
  if (json.length < THRESHOLD_BYTES) return false; // UTF-16 length ≤ byte length: a shorter one may still be under
  // the client's encodings in its order of preference (q-values); brotli or gzip, whichever it prefers
  const encoding = (ctx.acceptsEncodings() as string[]).find((e): e is 'br' | 'gzip' => e === 'br' || e === 'gzip');
  if (!encoding) return false;
  let forValue = encoded.get(value);
  if (!forValue) encoded.set(value, (forValue = {}));
  const bytes = (forValue[encoding] ??=
    encoding === 'br' ? zlib.brotliCompressSync(json, BROTLI) : zlib.gzipSync(json));
  ctx.vary('Accept-Encoding');
  ctx.set('Content-Encoding', encoding);
  ctx.body = bytes;
  return true;
}

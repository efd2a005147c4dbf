// Compression of what the one origin serves: built assets are sent from the `.br`/`.gz` files the builds write
// beside them (with Content-Encoding, Vary and their own cache lifetime), JSON over 1 KB is compressed on the fly
// and small JSON is not; `/robots.txt` is real rules, not the shop's index.html. The sites are fixtures shaped like
// the builds (hashed names, precompressed variants), so this runs without `npm run build`; the browser test
// web-performance checks the real builds.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startTestServer, type TestServer } from '../support/harness';
import { serveSites, type SiteServer } from '../support/site-server';

// big enough to be worth compressing, and compressible
const SHOP_JS = `console.log(${JSON.stringify('邻里拼团 '.repeat(400))});`;
const SHOP_INDEX = `<!doctype html><html><head><script defer src="/js/app.0123abcd.js"></script></head><body>${'<!-- shop -->'.repeat(200)}<div id="app"></div></body></html>`;

let t: TestServer;
let site: SiteServer;
let sitesDir: string;

/** Writes each file and, like the builds do, its brotli and gzip variants. */
function writePrecompressed(root: string, files: Record<string, string>) {
  for (const [rel, body] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body));
  }
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET whose body is returned as sent on the wire (fetch would decode it). */
function getRaw(p: string, acceptEncoding?: string): Promise<RawResponse> {
  const url = new URL(p, site.baseUrl);
  const headers: Record<string, string> = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function decode(res: RawResponse): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(res.body).toString('utf8');
  return res.body.toString('utf8');
}

const varies = (res: RawResponse) => /accept-encoding/i.test(String(res.headers.vary ?? ''));

beforeAll(async () => {
  t = await startTestServer();
  sitesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-compress-'));
  const h5Dir = path.join(sitesDir, 'h5');
  const adminDir = path.join(sitesDir, 'admin');
  writePrecompressed(h5Dir, { 'index.html': SHOP_INDEX, 'js/app.0123abcd.js': SHOP_JS });
  writePrecompressed(adminDir, {
    'index.html': '<!doctype html><html><head></head><body><div id="root"></div></body></html>',
    'assets/index-_ZhuOKw2.js': `console.log(${JSON.stringify('运营后台 '.repeat(400))});`,
  });
  site = await serveSites(t.rt, { h5Dir, adminDir });
});
afterAll(async () => {
  await site?.close();
  await t?.close();
  fs.rmSync(sitesDir, { recursive: true, force: true });
});

describe('built assets are sent precompressed', () => {
  it('sends the .br file to a browser that accepts brotli, with Vary and the asset’s year-long cache', async () => {
    const res = await getRaw('/js/app.0123abcd.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(varies(res)).toBe(true);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SHOP_JS) / 4);
    expect(decode(res)).toBe(SHOP_JS);
  });

  it('sends the .gz file to one that accepts only gzip, and the plain file to one that accepts neither', async () => {
    const gz = await getRaw('/admin/assets/index-_ZhuOKw2.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(varies(gz)).toBe(true);
    expect(decode(gz)).toContain('运营后台');

    const plain = await getRaw('/js/app.0123abcd.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(varies(plain)).toBe(true);
    expect(plain.body.toString('utf8')).toBe(SHOP_JS);
  });

  it('keeps an index.html revalidated when it is sent compressed (as /, and as the SPA fallback)', async () => {
    const index = await getRaw('/', 'br');
    expect(index.headers['content-encoding']).toBe('br');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(decode(index)).toBe(SHOP_INDEX);

    const fallback = await getRaw('/admin/orders', 'gzip');
    expect(fallback.status).toBe(200);
    expect(fallback.headers['content-encoding']).toBe('gzip');
    expect(fallback.headers['cache-control']).toBe('no-cache');
    expect(decode(fallback)).toContain('<div id="root">');
  });
});

describe('JSON is compressed over 1 KB only', () => {
  it('compresses a large JSON answer (the OpenAPI document) with brotli', async () => {
    const res = await getRaw('/api/openapi.json', 'gzip, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(varies(res)).toBe(true);
    expect(JSON.parse(decode(res))).toHaveProperty('openapi');
  });

  it('leaves a tiny JSON answer alone', async () => {
    const res = await getRaw('/healthz', 'gzip, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ status: 'ok' });
  });
});

describe('/robots.txt', () => {
  it('is plain text with rules, not the shop’s index.html', async () => {
    const res = await getRaw('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body.toString('utf8');
    expect(text).not.toMatch(/<html/i);
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Disallow: \/admin\/$/m);
    expect(text).toMatch(/^Disallow: \/api\/$/m);
  });
});

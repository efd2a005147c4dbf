// Security headers on every part of the one origin (H5 shop, admin, uploads, API), caching of the built sites
// (index.html revalidated, content-hashed assets immutable for a year), and path traversal answered with a code
// that says so. The sites are small fixtures shaped like the real builds (Taro's inline rem script, Vite's and
// webpack's hashed names), so this runs without `npm run build`; the browser tests check the real builds render
// under these policies.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { serveSites, type SiteServer } from '../support/site-server';

const INLINE = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

let t: TestServer;
let site: SiteServer;
let sitesDir: string;
let admin: string;

function writeFixture(root: string, files: Record<string, string | Buffer>) {
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body);
  }
}

beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
  sitesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-sites-'));
  const h5Dir = path.join(sitesDir, 'h5');
  const adminDir = path.join(sitesDir, 'admin');
  writeFixture(h5Dir, {
    'index.html': `<!doctype html><html><head><script>${INLINE}</script><script defer src="/js/app.0123abcd.js"></script></head><body><div id="app"></div></body></html>`,
    'js/app.0123abcd.js': 'console.log("shop")',
    'css/app.89abcdef.css': 'body{}',
    'static/images/box.png': PNG_HEAD,
  });
  writeFixture(adminDir, {
    'index.html':
      '<!doctype html><html><head><script type="module" src="/admin/assets/index-_ZhuOKw2.js"></script></head><body><div id="root"></div></body></html>',
    'assets/index-_ZhuOKw2.js': 'console.log("admin")',
    'assets/antd-CpU_hIip.js': 'console.log("antd")',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  });
  writeFixture(path.join(t.rt.config.dataDir, 'uploads'), {
    // a PNG header followed by HTML: served as an image, never sniffed into a page
    '2025/01/polyglot.png': Buffer.concat([PNG_HEAD, Buffer.from('<html><script>alert(1)</script></html>')]),
  });
  // the same app on the same runtime, serving the fixture sites
  site = await serveSites(t.rt, { h5Dir, adminDir });
});
afterAll(async () => {
  await site?.close();
  await t?.close();
  fs.rmSync(sitesDir, { recursive: true, force: true });
});

const get = (p: string, headers: Record<string, string> = {}) => fetch(`${site.baseUrl}${p}`, { headers });

/** A request with its path sent exactly as written (fetch would resolve `..` itself). */
function raw(p: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }> {
  const url = new URL(site.baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: p, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode!, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The CSP as directive → sources. */
function csp(res: Response): Record<string, string[]> {
  const header = res.headers.get('content-security-policy') ?? '';
  const out: Record<string, string[]> = {};
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name] = sources;
  }
  return out;
}

describe('everywhere', () => {
  it.each(['/', '/admin/', '/uploads/2025/01/polyglot.png', '/api/v1/products', '/api/v1/nope', '/healthz'])(
    '%s: nosniff, no referrer, HSTS, no X-Powered-By',
    async (p) => {
      const res = await get(p);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('content-security-policy')).toBeTruthy();
    },
  );
});

describe('the H5 shop', () => {
  it('index.html (as / and by name) is no-cache, with a CSP allowing our scripts and its inline one by hash', async () => {
    const hash = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`;
    for (const p of ['/', '/index.html', '/some/spa/route']) {
      const res = await get(p);
      expect({ p, status: res.status, type: res.headers.get('content-type') }).toEqual({
        p,
        status: 200,
        type: expect.stringContaining('text/html'),
      });
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const policy = csp(res);
      expect(policy['default-src']).toEqual(["'self'"]);
      expect(policy['script-src']).toEqual(["'self'", hash]);
      expect(policy['script-src']).not.toContain("'unsafe-inline'");
      expect(policy['script-src']).not.toContain("'unsafe-eval'");
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(policy['connect-src']).toEqual(["'self'"]);
      expect(policy['frame-ancestors']).toEqual(["'self'"]);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });

  it('hashed assets are cached a year, immutable; unhashed ones an hour', async () => {
    for (const p of ['/js/app.0123abcd.js', '/css/app.89abcdef.css']) {
      const res = await get(p);
      expect({ p, status: res.status, cache: res.headers.get('cache-control') }).toEqual({
        p,
        status: 200,
        cache: 'public, max-age=31536000, immutable',
      });
    }
    expect((await get('/static/images/box.png')).headers.get('cache-control')).toBe('public, max-age=3600');
  });
});

describe('the admin', () => {
  it('/admin/, its index.html and its SPA routes are no-cache, never framed, with a CSP without inline scripts', async () => {
    for (const p of ['/admin/', '/admin/index.html', '/admin/products/12']) {
      const res = await get(p);
      expect({ p, status: res.status }).toEqual({ p, status: 200 });
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const policy = csp(res);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(policy['connect-src']).toEqual(["'self'"]);
      expect(policy['base-uri']).toEqual(["'self'"]);
    }
  });

  it('Vite-hashed assets are cached a year, immutable', async () => {
    for (const p of ['/admin/assets/index-_ZhuOKw2.js', '/admin/assets/antd-CpU_hIip.js']) {
      const res = await get(p);
      expect({ p, status: res.status, cache: res.headers.get('cache-control') }).toEqual({
        p,
        status: 200,
        cache: 'public, max-age=31536000, immutable',
      });
    }
    expect((await get('/admin/favicon.svg')).headers.get('cache-control')).toBe('public, max-age=3600');
  });
});

describe('uploads', () => {
  it('a PNG with HTML after its header is an inert image: image/png, nosniff, sandboxed CSP', async () => {
    const res = await get('/uploads/2025/01/polyglot.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const policy = csp(res);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy).toHaveProperty('sandbox');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cache-control')).toBe('public, max-age=604800');
  });

  it('an uploaded image (through the API) is served the same way', async () => {
    const form = new FormData();
    form.append('file', new Blob([PNG_HEAD, Buffer.alloc(64)], { type: 'image/png' }), 'a.png');
    const up = await fetch(`${site.baseUrl}/api/admin/v1/uploads/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    expect(up.status).toBe(201);
    const { url } = (await up.json()) as { url: string };
    const res = await get(new URL(url, site.baseUrl).pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the API', () => {
  it.each([
    ['GET', '/api/v1/products', 200],
    ['GET', '/api/v1/nope', 404],
    ['POST', '/api/v1/orders', 401],
    ['GET', '/api/openapi.json', 200],
  ])('%s %s: JSON that is never cached, framed or run as a page', async (method, p, status) => {
    const res = await fetch(`${site.baseUrl}${p}`, { method });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(csp(res)).toMatchObject({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it("leaves off the headers that only concern documents; the shop's pages keep them", async () => {
    const documentOnly = ['x-dns-prefetch-control', 'x-download-options', 'x-permitted-cross-domain-policies'];
    const api = await get('/api/v1/products');
    for (const name of [...documentOnly, 'x-xss-protection', 'origin-agent-cluster'])
      expect(api.headers.get(name)).toBeNull();
    const page = await get('/');
    for (const name of documentOnly) expect(page.headers.get(name)).not.toBeNull();
    expect(page.headers.get('x-xss-protection')).toBe('0');
  });
});

describe('path traversal', () => {
  it.each([
    '/uploads/../../etc/passwd',
    '/uploads/..%2f..%2fetc%2fpasswd',
    '/uploads/%2e%2e/%2e%2e/etc/passwd',
    '/uploads/2025/..%5c..%5c..%5cetc%5cpasswd',
    '/admin/..%2f..',
    '/admin/../../../etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/js/..%2f..%2f..%2fpackage.json',
    '/api/v1/../../etc/passwd',
  ])('%s is 400 PATH_TRAVERSAL in the envelope', async (p) => {
    const res = await raw(p);
    expect({ p, status: res.status, code: res.body?.error?.code }).toEqual({ p, status: 400, code: 'PATH_TRAVERSAL' });
    expect(typeof res.body.error.message).toBe('string');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/uploads/a%00.png', '/uploads/%E0%A4%A'])('%s is 400 BAD_REQUEST', async (p) => {
    const res = await raw(p);
    expect({ p, status: res.status, code: res.body?.error?.code }).toEqual({ p, status: 400, code: 'BAD_REQUEST' });
  });

  it('names with dots that climb nowhere are still served (or 404)', async () => {
    expect((await raw('/uploads/2025/01/./polyglot.png')).status).toBe(200);
    const missing = await raw('/uploads/..hidden/x.png');
    expect({ status: missing.status, code: missing.body?.error?.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });
});

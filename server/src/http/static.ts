// The one process also serves the built front-ends: the H5 shop at /, the admin at /admin/ (a single-page app:
// unknown paths fall back to its index.html) and uploaded images at /uploads/.
// Compression: text assets are sent precompressed (`.br`/`.gz` written at build time) when the client accepts
// it; anything else compressible over 1 KB (JSON, the SPA fallback) is compressed on the fly by app.ts.
// Caching: an index.html (also as `/` and `/admin/`, and every SPA fallback) is `no-cache` (revalidated each
// time, so a deploy shows at once); files whose name carries a content hash (Vite's `assets/<name>-<hash>.js`,
// webpack's `<name>.<contenthash>.js`) are cached a year, `immutable`; anything else an hour; uploads (random,
// never rewritten names) a week. Security headers are set by http/security-headers.ts.
import type { Context, Middleware, Next } from 'koa';
import mount from 'koa-mount';
import serve from 'koa-static';
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { PlatformErrors } from '../kernel/errors';
import { HttpErrors } from './error-handler';

const NOT_BUILT = (what: string, cmd: string) =>
  `<!doctype html><meta charset="utf-8"><title>Linli</title><body style="font-family:sans-serif;padding:2em">` +
  `<h1>${what} 尚未构建</h1><p>Run <code>${cmd}</code> (or <code>npm start</code>, which builds what is missing).</p>`;

export const CACHE = {
  revalidate: 'no-cache',
  immutable: 'public, max-age=31536000, immutable',
  hour: 'public, max-age=3600',
  uploads: 'public, max-age=604800',
} as const;

/** Vite (`assets/index-_ZhuOKw2.js`) and webpack (`js/app.ded651d7.js`) content-hashed file names. */
export function isHashedAsset(relativePath: string): boolean {
  const p = relativePath.replaceAll('\\', '/');
  return /(?:^|\/)assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(p) || /\.[0-9a-f]{8,20}\.[a-z0-9]+$/.test(p);
}

/** The file a precompressed variant stands for: koa-send hands `setHeaders` the `.br`/`.gz` it actually sends. */
const PRECOMPRESSED = /\.(br|gz)$/;

function cacheHeaders(root: string) {
  return (res: ServerResponse, sent: string) => {
    const file = sent.replace(PRECOMPRESSED, '');
    const rel = path.relative(root, file);
    const value = file.endsWith('.html') ? CACHE.revalidate : isHashedAsset(rel) ? CACHE.immutable : CACHE.hour;
    res.setHeader('Cache-Control', value);
  };
}

function spa(dir: string, notBuilt: string): Middleware {
  // The builds write `<file>.br` and `<file>.gz` beside each text asset (scripts/precompress.mjs): koa-send sends
  // the best one the client accepts, with its Content-Encoding (Vary comes from the compression middleware).
  const files = serve(dir, { index: 'index.html', setHeaders: cacheHeaders(dir), brotli: true, gzip: true });
  return async (ctx: Context, next: Next) => {
    await files(ctx, async () => undefined);
    if (ctx.body !== undefined || ctx.status !== 404 || ctx.method !== 'GET') return next();
    const index = path.join(dir, 'index.html');
    if (fs.existsSync(index)) {
      ctx.type = 'html';
      ctx.set('Cache-Control', CACHE.revalidate);
      ctx.body = fs.createReadStream(index);
    } else {
      ctx.status = 503;
      ctx.type = 'html';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = notBuilt;
    }
  };
}

/**
 * Refuses, before any router or file server sees it, a path that climbs out of where it points (`..` as a
 * segment, raw or percent-encoded, with `/` or `\`): 400 PATH_TRAVERSAL. A NUL byte or a broken percent-encoding
 * is a 400 BAD_REQUEST. (koa-send would answer 403 / 400 on its own, under a code that says nothing.)
 */
export function refusePathTraversal(): Middleware {
  return async function checkPath(ctx, next) {
    // the common case, a path with neither dots nor escapes, can hold no `..`, NUL or bad encoding
    if (!/[.%\\]/.test(ctx.path)) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(ctx.path);
    } catch {
      throw PlatformErrors.BAD_REQUEST(undefined, '路径的百分号编码不正确');
    }
    if (decoded.includes('\0')) throw PlatformErrors.BAD_REQUEST(undefined, '路径不能包含空字符');
    if (decoded.split(/[\\/]/).some((segment) => segment === '..')) throw HttpErrors.PATH_TRAVERSAL();
    return next();
  };
}

export interface SiteDirs {
  h5Dir: string;
  adminDir: string;
  uploadsDir: string;
}

export function staticSites(opts: SiteDirs): Middleware[] {
  fs.mkdirSync(opts.uploadsDir, { recursive: true });
  const shop = spa(opts.h5Dir, NOT_BUILT('H5 商城', 'npm run build:h5 -w miniapp'));
  return [
    mount(
      '/uploads',
      serve(opts.uploadsDir, {
        setHeaders: (res) => res.setHeader('Cache-Control', CACHE.uploads),
      }),
    ),
    async (ctx, next) => {
      if (ctx.path === '/admin') return ctx.redirect('/admin/');
      return next();
    },
    mount('/admin', spa(opts.adminDir, NOT_BUILT('运营后台', 'npm run build -w admin'))),
    async (ctx, next) => {
      // API-ish paths never fall back to the shop's index.html
      if (/^\/(api|sandbox|uploads)(\/|$)/.test(ctx.path)) return next();
      return shop(ctx, next);
    },
  ];
}

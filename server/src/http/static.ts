// The one process also serves the built front-ends: the H5 shop at /, the admin at /admin/ (a single-page app:
// unknown paths fall back to its index.html) and uploaded images at /uploads/.
import type { Context, Middleware, Next } from 'koa';
import mount from 'koa-mount';
import serve from 'koa-static';
import fs from 'node:fs';
import path from 'node:path';

const NOT_BUILT = (what: string, cmd: string) =>
  `<!doctype html><meta charset="utf-8"><title>Linli</title><body style="font-family:sans-serif;padding:2em">` +
  `<h1>${what} 尚未构建</h1><p>Run <code>${cmd}</code> (or <code>npm start</code>, which builds what is missing).</p>`;

function spa(dir: string, notBuilt: string): Middleware {
  const files = serve(dir, { maxage: 3600_000, index: 'index.html' });
  return async (ctx: Context, next: Next) => {
    await files(ctx, async () => undefined);
    if (ctx.body !== undefined || ctx.status !== 404 || ctx.method !== 'GET') return next();
    const index = path.join(dir, 'index.html');
    if (fs.existsSync(index)) {
      ctx.type = 'html';
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = fs.createReadStream(index);
    } else {
      ctx.status = 503;
      ctx.type = 'html';
      ctx.body = notBuilt;
    }
  };
}

export function staticSites(opts: { h5Dir: string; adminDir: string; uploadsDir: string }): Middleware[] {
  fs.mkdirSync(opts.uploadsDir, { recursive: true });
  return [
    mount('/uploads', serve(opts.uploadsDir, { maxage: 7 * 86_400_000 })),
    async (ctx, next) => {
      if (ctx.path === '/admin') return ctx.redirect('/admin/');
      return next();
    },
    mount('/admin', spa(opts.adminDir, NOT_BUILT('运营后台', 'npm run build -w admin'))),
    async (ctx, next) => {
      // API-ish paths never fall back to the shop's index.html
      if (/^\/(api|sandbox|uploads)(\/|$)/.test(ctx.path)) return next();
      return spa(opts.h5Dir, NOT_BUILT('H5 商城', 'npm run build:h5 -w miniapp'))(ctx, next);
    },
  ];
}

// Security headers (helmet's, worked out once per policy), one policy per part of the one origin:
// - the H5 shop (`/`): a CSP allowing only our own scripts (plus, by hash, the one inline script the Taro build
//   puts in index.html: the rem sizing), inline styles (Taro and its components set style attributes), images
//   from us, data:/blob: and any https: host (product images may be https URLs), XHR to us only; framing by
//   ourselves only;
// - the admin (`/admin/`): the same without inline scripts at all (antd's CSS-in-JS needs inline styles), and
//   never framed (`frame-ancestors 'none'`, `X-Frame-Options: DENY`);
// - uploads (`/uploads/`): served as the inert files they are: `default-src 'none'; sandbox` (an SVG or a
//   polyglot opened directly runs nothing), embeddable by other origins (Cross-Origin-Resource-Policy);
// - the API and everything else (JSON): `default-src 'none'; frame-ancestors 'none'` and `Cache-Control:
//   no-store` unless the route set its own.
// Everywhere: `X-Content-Type-Options: nosniff` (a PNG with HTML after its header stays an image),
// `Referrer-Policy: no-referrer`, HSTS (browsers heed it over HTTPS only), COOP same-origin.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { HelmetOptions } from 'helmet';
import type { Middleware } from 'koa';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Directives = NonNullable<Exclude<HelmetOptions['contentSecurityPolicy'], boolean | undefined>['directives']>;

const common = {
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  xContentTypeOptions: true,
} as const satisfies HelmetOptions;

const page = (scriptSrc: string[], frameAncestors: string): Directives => ({
  'default-src': ["'self'"],
  'script-src': scriptSrc,
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'media-src': ["'self'", 'blob:', 'https:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': [frameAncestors],
});

/**
 * `'sha256-…'` of every inline `<script>` of a built index.html. Every shop response (assets too) asks for it, so the
 * file is looked at again at most every few seconds, not on each request: a rebuild is picked up within that time.
 */
export function inlineScriptHashes(indexFile: string, recheckMs = 5000): () => string[] {
  let cached: { mtimeMs: number; hashes: string[] } | undefined;
  let checkedAt = -Infinity;
  return () => {
    if (Date.now() - checkedAt < recheckMs) return cached?.hashes ?? [];
    checkedAt = Date.now();
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(indexFile).mtimeMs;
    } catch {
      cached = undefined;
      return [];
    }
    if (cached?.mtimeMs !== mtimeMs) {
      const html = fs.readFileSync(indexFile, 'utf8');
      const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
        .map((m) => m[1]!)
        .filter((body) => body.trim() !== '')
        .map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
      cached = { mtimeMs, hashes };
    }
    return cached.hashes;
  };
}

export type Area = 'api' | 'admin' | 'uploads' | 'shop';

/** Which policy a path gets. */
export function areaOf(path: string): Area {
  if (/^\/(api|sandbox)(\/|$)/.test(path) || path === '/healthz' || path === '/readyz') return 'api';
  if (/^\/uploads(\/|$)/.test(path)) return 'uploads';
  if (/^\/admin(\/|$)/.test(path)) return 'admin';
  return 'shop';
}

/**
 * The headers helmet sets for these options, worked out once: helmet is 13 small middlewares that would otherwise
 * run on every request to set the same values (a seventh of a bare request's cost).
 */
export function helmetHeaders(options: HelmetOptions): [name: string, value: string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => void headers.set(name, String(value)),
    removeHeader: (name: string) => void headers.delete(name),
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => (failure = err));
  if (failure) throw failure;
  return [...headers];
}

// An API answer is JSON, never a document: helmet's headers that only concern documents or retired browsers and
// plug-ins (DNS prefetch, IE8 downloads, Flash/Acrobat policies, the XSS auditor, origin-keyed agent clusters) are
// left off it, ~170 bytes less on every answer. Pages (shop, admin) and uploads keep them.
const documentOnly = {
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  originAgentCluster: false,
} as const satisfies HelmetOptions;

const apiPolicy: HelmetOptions = {
  ...common,
  ...documentOnly,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"] },
  },
  xFrameOptions: { action: 'deny' },
};
const uploadsPolicy: HelmetOptions = {
  ...common,
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { 'default-src': ["'none'"], 'style-src': ["'unsafe-inline'"], sandbox: [] },
  },
  xFrameOptions: { action: 'deny' },
};
const adminPolicy: HelmetOptions = {
  ...common,
  contentSecurityPolicy: { useDefaults: false, directives: page(["'self'"], "'none'") },
  xFrameOptions: { action: 'deny' },
};
const shopPolicy = (inlineScripts: string[]): HelmetOptions => ({
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { ...page(["'self'"], "'self'"), 'script-src': ["'self'", ...inlineScripts] },
  },
  xFrameOptions: { action: 'sameorigin' },
});

export function securityHeaders(opts: { h5Index: string }): Middleware {
  const shopScripts = inlineScriptHashes(opts.h5Index);
  const fixed: Record<Exclude<Area, 'shop'>, [string, string][]> = {
    api: helmetHeaders(apiPolicy),
    uploads: helmetHeaders(uploadsPolicy),
    admin: helmetHeaders(adminPolicy),
  };
  // the shop's policy names the build's inline scripts: worked out again when a rebuild changes them
  let shop: { scripts: string; headers: [string, string][] } | undefined;
  const shopHeaders = () => {
    const scripts = shopScripts();
    const key = scripts.join(' ');
    if (shop?.scripts !== key) shop = { scripts: key, headers: helmetHeaders(shopPolicy(scripts)) };
    return shop.headers;
  };
  return async function withSecurityHeaders(ctx, next) {
    const area = areaOf(ctx.path);
    for (const [name, value] of area === 'shop' ? shopHeaders() : fixed[area]) ctx.res.setHeader(name, value);
    await next();
    if (area === 'api' && !ctx.response.get('Cache-Control')) ctx.set('Cache-Control', 'no-store');
  };
}

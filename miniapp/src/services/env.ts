/**
 * Where the API lives. H5 is served by the API server itself, so it calls its own origin; mini-programs call
 * the absolute origin baked in at build time (`TARO_APP_API_BASE`, see config/index.ts).
 */
export const API_BASE: string =
  process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000').replace(/\/+$/, '');

/**
 * Image URLs from the API are site-relative (`/uploads/...`): make them loadable from any platform.
 * Absolute (`http(s):`, protocol-relative, `data:`) URLs pass through.
 */
export function resolveAsset(url: string | null | undefined): string {
  if (!url) return '';
  if (/^(https?:)?\/\//i.test(url) || /^(data|blob):/i.test(url)) return url;
  return `${API_BASE}${url.startsWith('/') ? '' : '/'}${url}`;
}

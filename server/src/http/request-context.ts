// Gives every request an id (honouring a sane incoming X-Request-Id), logs its outcome, and runs the rest of the
// pipeline inside the log context so every line logged meanwhile carries the id. Also: who the client is
// (`clientIp`, X-Forwarded-For from trusted proxies only) and what the request says (the fingerprint an
// Idempotency-Key is stored with, platform/idempotency.ts).
import type { Context, Next } from 'koa';
import net from 'node:net';
import { requestFingerprint } from '../platform/idempotency';
import type { Logger } from '../platform/logger';
import { nextRequestId, runInScope } from '../platform/request-scope';

export function requestContext(logger: Logger) {
  return async function withRequestContext(ctx: Context, next: Next) {
    const incoming = ctx.get('x-request-id');
    const requestId = /^[\w-]{8,64}$/.test(incoming) ? incoming : nextRequestId();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    // the fingerprint is read when a use case asks (after the body parser ran), never before
    const fingerprint = () => requestFingerprint(ctx.method, ctx.path, ctx.request.body);
    await runInScope({ reqId: requestId, fingerprint }, async () => {
      try {
        await next();
      } finally {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (!ctx.path.startsWith('/healthz')) {
          logger.info(
            { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms), ip: ctx.ip },
            'request',
          );
        }
      }
    });
  };
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; `[::1]` → `::1`; a port after an IPv4 address dropped; invalid → undefined. */
export function normalizeIp(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let ip = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  return net.isIP(ip) ? ip.toLowerCase() : undefined;
}

/** A matcher for the configured proxy ranges (config.trustedProxies, CIDRs). */
export function trustedProxyMatcher(ranges: readonly string[]): (ip: string) => boolean {
  if (!ranges.length) return () => false;
  const list = new net.BlockList();
  for (const range of ranges) {
    const [address, prefix] = range.split('/') as [string, string];
    list.addSubnet(address, Number(prefix), net.isIPv4(address) ? 'ipv4' : 'ipv6');
  }
  return (ip) => list.check(ip, net.isIPv4(ip) ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then X-Forwarded-For is walked
 * from the right (the hops our own proxies appended) past every trusted proxy, and the first address that is not
 * one is the client. Anything to the left of it was written by the client and is never believed.
 */
export function resolveClientIp(
  peer: string | undefined,
  forwardedFor: string | undefined,
  isTrusted: (ip: string) => boolean,
): string {
  let client = normalizeIp(peer) ?? peer ?? '';
  if (!client || !isTrusted(client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i]);
    if (!hop) return client; // garbage from a trusted hop: the last address we can vouch for
    client = hop;
    if (!isTrusted(hop)) return hop;
  }
  return client;
}

/**
 * Sets `ctx.ip` (what per-IP rate limits key on) to the real client: X-Forwarded-For counts only when the
 * immediate peer is one of `trustedProxies` (TRUSTED_PROXIES; none by default, so the header is ignored).
 */
export function clientIp(trustedProxies: readonly string[]) {
  const isTrusted = trustedProxyMatcher(trustedProxies);
  // a keep-alive connection's peer never changes: its normalised address is worked out once per socket
  const peers = new WeakMap<object, string>();
  return async function resolveClient(ctx: Context, next: Next) {
    const socket = ctx.req.socket;
    let peer = peers.get(socket);
    if (peer === undefined) peers.set(socket, (peer = normalizeIp(socket.remoteAddress) ?? socket.remoteAddress ?? ''));
    const forwardedFor = ctx.get('x-forwarded-for');
    ctx.request.ip = forwardedFor && peer && isTrusted(peer) ? resolveClientIp(peer, forwardedFor, isTrusted) : peer;
    return next();
  };
}

// Gives every request an id (honouring a sane incoming X-Request-Id), logs its outcome, and runs the rest of the
// pipeline inside the log context so every line logged meanwhile carries the id.
import type { Context, Next } from 'koa';
import { randomToken } from '../kernel/ids';
import { runWithLogContext, type Logger } from '../platform/logger';

export function requestContext(logger: Logger) {
  return async function withRequestContext(ctx: Context, next: Next) {
    const incoming = ctx.get('x-request-id');
    const requestId = /^[\w-]{8,64}$/.test(incoming) ? incoming : randomToken(8);
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    await runWithLogContext({ reqId: requestId }, async () => {
      try {
        await next();
      } finally {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (!ctx.path.startsWith('/healthz')) {
          logger.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms) }, 'request');
        }
      }
    });
  };
}

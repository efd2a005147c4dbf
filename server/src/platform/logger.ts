// pino, with the current request id mixed into every line logged while a request is being handled.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

export type { Logger };

interface LogContext {
  reqId?: string;
  job?: string;
}

const context = new AsyncLocalStorage<LogContext>();

export function runWithLogContext<T>(ctx: LogContext, fn: () => T): T {
  return context.run(ctx, fn);
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => ({ ...context.getStore() }),
      redact: ['req.headers.authorization', '*.password', '*.token', '*.secret'],
    },
    destination,
  );
}

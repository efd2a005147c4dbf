// pino, with the current request id mixed into every line logged while a request is being handled.
import pino, { type Logger } from 'pino';
import { currentScope, runInScope } from './request-scope';

export type { Logger };

interface LogContext {
  reqId?: string;
  job?: string;
}

export function runWithLogContext<T>(ctx: LogContext, fn: () => T): T {
  return runInScope(ctx, fn);
}

function logContext(): LogContext {
  const scope = currentScope();
  return scope ? { reqId: scope.reqId, job: scope.job } : {};
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: logContext,
      redact: ['req.headers.authorization', '*.password', '*.token', '*.secret'],
    },
    destination,
  );
}

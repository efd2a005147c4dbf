import Koa from 'koa';
import { z } from 'zod';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorHandler, toErrorResponse } from '../../src/http/error-handler';
import { conflict, invalid, notFound, rateLimited } from '../../src/kernel/errors';
import { createLogger } from '../../src/platform/logger';

describe('toErrorResponse maps once', () => {
  it.each([
    [invalid('X_BAD', 'bad'), 400, 'X_BAD'],
    [notFound('订单', 'ORDER_NOT_FOUND'), 404, 'ORDER_NOT_FOUND'],
    [conflict('STOCK_INSUFFICIENT', '库存不足', { skuId: 1 }), 409, 'STOCK_INSUFFICIENT'],
    [rateLimited(3), 429, 'RATE_LIMITED'],
    [z.object({ a: z.number() }).safeParse({ a: 'x' }).error, 400, 'VALIDATION_FAILED'],
  ])('%s → %d %s', (error, status, code) => {
    const r = toErrorResponse(error);
    expect(r?.status).toBe(status);
    expect(r?.body.error.code).toBe(code);
  });

  it('an unknown error is not mapped (it becomes a generic 500)', () =>
    expect(toErrorResponse(new Error('boom'))).toBeUndefined());
});

it('an unknown error is a generic 500 that leaks nothing but the request id', async () => {
  const app = new Koa();
  app.use(async (ctx, next) => {
    ctx.state.requestId = 'req-123';
    await next();
  });
  app.use(errorHandler(createLogger('silent')));
  app.use(() => {
    throw new Error('database password is hunter2');
  });
  const server = http.createServer(app.callback()).listen(0);
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'INTERNAL', message: expect.any(String), details: { requestId: 'req-123' } },
    });
    expect(text).not.toContain('hunter2');
  } finally {
    server.close();
  }
});

import { startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('HTTP basics', () => {
  it('/healthz and /readyz answer 200 when MariaDB and Redis do', async () => {
    expect((await t.api('GET', '/healthz')).status).toBe(200);
    const ready = await t.api('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'ok', redis: 'ok' });
  });

  it('unknown paths are 404 and wrong methods 405, in the one envelope', async () => {
    const nf = await t.api('GET', '/api/v1/nope');
    expect(nf.status).toBe(404);
    expect(nf.body.error.code).toBe('NOT_FOUND');
    const na = await t.api('DELETE', '/api/v1/products');
    expect(na.status).toBe(405);
    expect(na.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('malformed JSON is a 400 in the envelope', async () => {
    const res = await t.api('POST', '/api/v1/auth/wechat/login', {
      body: '{"code":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });

  it('every response carries a request id, and an incoming one is kept', async () => {
    const res = await t.api('GET', '/healthz', { headers: { 'x-request-id': 'abc12345-req' } });
    expect(res.headers.get('x-request-id')).toBe('abc12345-req');
    expect((await t.api('GET', '/healthz')).headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('serves an OpenAPI 3.1 document that documents every API route with its errors', async () => {
    const res = await t.api('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\.1/);
    const paths = res.body.paths as Record<
      string,
      Record<string, { responses: Record<string, unknown>; security?: unknown[] }>
    >;
    for (const p of [
      '/api/v1/auth/wechat/login',
      '/api/admin/v1/auth/login',
      '/api/v1/products',
      '/api/v1/products/{id}',
      '/api/admin/v1/products',
      '/sandbox/clock',
      '/sandbox/jobs/{name}/run',
    ]) {
      expect(Object.keys(paths)).toContain(p);
    }
    for (const [p, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses)).toContain('400');
        if (p.startsWith('/api/admin/v1/products')) expect(op.security).toEqual([{ bearerAuth: [] }]);
        expect(`${method} ${p}`).toBeTruthy();
      }
    }
    expect(res.body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

describe('sandbox controls', () => {
  it('moves the business clock forward only', async () => {
    const before = await t.api('GET', '/sandbox/clock');
    const moved = await t.api('POST', '/sandbox/clock', { body: { advanceMs: 3_600_000 } });
    expect(moved.status).toBe(200);
    expect(Date.parse(moved.body.now) - Date.parse(before.body.now)).toBeGreaterThanOrEqual(3_600_000);
    expect((await t.api('POST', '/sandbox/clock', { body: { advanceMs: -1 } })).status).toBe(400);
  });

  it('runs a job by name and answers when it is done; unknown names are 404', async () => {
    const { LoginCode } = t.models.identity;
    await LoginCode.create({
      phone: '13900000000',
      codeHash: 'x'.repeat(64),
      expiresAt: new Date(Date.now() - 3 * 86_400_000),
      createdAt: new Date(),
    });
    const run = await t.api('POST', '/sandbox/jobs/purge-login-codes/run');
    expect(run.status).toBe(200);
    expect(run.body).toEqual({ job: 'purge-login-codes', result: { deleted: 1 } });
    expect(await LoginCode.count({ where: { phone: '13900000000' } })).toBe(0);
    const unknown = await t.api('POST', '/sandbox/jobs/no-such-job/run');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('JOB_NOT_FOUND');
  });

  it('the WeChat simulator hands out a stable access token that the client caches in Redis', async () => {
    const t1 = await t.rt.wechat.accessToken();
    const t2 = await t.rt.wechat.accessToken();
    expect(t1).toMatch(/^SIMTOKEN_/);
    expect(t2).toBe(t1);
    expect(await t.rt.redis.ttl(`wechat:access_token:${t.rt.config.wechat.appId}`)).toBeGreaterThan(6000);
  });
});

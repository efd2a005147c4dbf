import { createOperator } from '../../src/modules/identity';
import { loginFailureKeys, resetLoginCounter } from '../../src/modules/identity/application/login-guard';
import { adminLogin, startTestServer, wechatLogin, type TestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('consumer login', () => {
  it('WeChat: the same sim code gives the same user, another name another user', async () => {
    const a1 = await wechatLogin(t, 'alice');
    const a2 = await wechatLogin(t, 'alice');
    const b = await wechatLogin(t, 'bob');
    expect(a2.userId).toBe(a1.userId);
    expect(b.userId).not.toBe(a1.userId);
    const me = await t.api('GET', '/api/v1/me', { token: a2.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: a1.userId, nickname: expect.stringMatching(/^邻里用户/) });
  });

  it('WeChat: 20 racing first logins of one user create one user and one identity', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => wechatLogin(t, 'racer')));
    expect(new Set(results.map((r) => r.userId)).size).toBe(1);
    const { Identity } = t.models.identity;
    expect(await Identity.count({ where: { provider: 'wechat', subject: 'racer' } })).toBe(1);
  });

  it('WeChat: an invalid code is a 400 in the envelope and creates nobody', async () => {
    const before = await t.models.identity.User.count();
    const res = await t.api('POST', '/api/v1/auth/wechat/login', { body: { code: 'not-a-sim-code' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'WECHAT_CODE_INVALID', message: expect.any(String) } });
    expect(await t.models.identity.User.count()).toBe(before);
  });

  it('Alipay: the auth code goes through the signed gateway simulator; same code same user', async () => {
    const r1 = await t.api('POST', '/api/v1/auth/alipay/login', { body: { code: 'sim_carol' } });
    const r2 = await t.api('POST', '/api/v1/auth/alipay/login', { body: { code: 'sim_carol' } });
    expect(r1.status).toBe(200);
    expect(r2.body.user.id).toBe(r1.body.user.id);
    const bad = await t.api('POST', '/api/v1/auth/alipay/login', { body: { code: 'bogus' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('ALIPAY_CODE_INVALID');
    const { Identity } = t.models.identity;
    const identity = await Identity.findOne({ where: { provider: 'alipay' } });
    expect(identity?.getDataValue('subject')).toMatch(/^2088\d{12}$/);
  });

  it('H5: phone + SMS code (sandbox shows the code); a code works once; wrong codes are counted', async () => {
    const phone = '13800138000';
    const sent = await t.api('POST', '/api/v1/auth/h5/sms-code', { body: { phone } });
    expect(sent.status).toBe(200);
    expect(sent.body.sandboxCode).toMatch(/^\d{6}$/);
    const wrong = sent.body.sandboxCode === '000000' ? '111111' : '000000';
    const bad = await t.api('POST', '/api/v1/auth/h5/login', { body: { phone, code: wrong } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('LOGIN_CODE_MISMATCH');

    const racing = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.api('POST', '/api/v1/auth/h5/login', { body: { phone, code: sent.body.sandboxCode } }),
      ),
    );
    expect(racing.filter((r) => r.status === 200)).toHaveLength(1);
    expect(racing.filter((r) => r.status === 400).every((r) => r.body.error.code === 'LOGIN_CODE_USED')).toBe(true);
    const ok = racing.find((r) => r.status === 200)!;
    expect(ok.body.user.phone).toBe(phone);

    const again = await t.api('POST', '/api/v1/auth/h5/sms-code', { body: { phone } });
    expect(again.status).toBe(429); // resend cooldown
    expect(again.headers.get('retry-after')).toBeTruthy();
  });

  it('H5: a malformed phone is a 400 VALIDATION_FAILED', async () => {
    const res = await t.api('POST', '/api/v1/auth/h5/sms-code', { body: { phone: '12345' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details[0].path).toBe('phone');
  });

  it('sessions: no token, a forged token or a consumer token on the admin API are 401', async () => {
    expect((await t.api('GET', '/api/v1/me')).status).toBe(401);
    expect((await t.api('GET', '/api/v1/me', { token: 'abc.def.ghi' })).status).toBe(401);
    const { token } = await wechatLogin(t, 'alice');
    const res = await t.api('GET', '/api/admin/v1/me', { token });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('operators', () => {
  // failed logins are also counted per client address (operator-login.test.ts): each case starts afresh
  beforeEach(() => resetLoginCounter(t.rt.rateLimits, 'ip', loginFailureKeys('127.0.0.1', { unknownName: '' }).ip));

  it('the first super admin comes from ADMIN_USERNAME/ADMIN_PASSWORD', async () => {
    const token = await adminLogin(t);
    const me = await t.api('GET', '/api/admin/v1/me', { token });
    expect(me.body).toMatchObject({ username: 'admin', role: 'super_admin' });
    const row = await t.models.identity.Operator.findOne({ where: { username: 'admin' } });
    expect(row?.getDataValue('passwordHash')).toMatch(/^\$2[aby]\$10\$/); // bcrypt, never the password
  });

  it('a wrong password is 401 LOGIN_FAILED, the same as an unknown user', async () => {
    const wrong = await t.api('POST', '/api/admin/v1/auth/login', { body: { username: 'admin', password: 'nope' } });
    const unknown = await t.api('POST', '/api/admin/v1/auth/login', { body: { username: 'ghost', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('locks a username after 10 failed logins', async () => {
    await createOperator(
      { models: t.models.identity },
      { username: 'victim', password: 'victim-pass-1', role: 'operations' },
    );
    const tries = [];
    for (let i = 0; i < 10; i++) {
      tries.push(
        (await t.api('POST', '/api/admin/v1/auth/login', { body: { username: 'victim', password: `bad${i}` } })).status,
      );
    }
    expect(tries.every((s) => s === 401)).toBe(true);
    const locked = await t.api('POST', '/api/admin/v1/auth/login', {
      body: { username: 'victim', password: 'victim-pass-1' },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
  });

  it('roles: customer service may list products but not create them', async () => {
    await createOperator(
      { models: t.models.identity },
      { username: 'cs1', password: 'cs-password-1', role: 'customer_service' },
    );
    const token = await adminLogin(t, { username: 'cs1', password: 'cs-password-1' });
    expect((await t.api('GET', '/api/admin/v1/products', { token })).status).toBe(200);
    const create = await t.api('POST', '/api/admin/v1/products', {
      token,
      body: { title: '测试', skus: [{ priceFen: 100, stock: 1 }] },
    });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('FORBIDDEN');
  });
});

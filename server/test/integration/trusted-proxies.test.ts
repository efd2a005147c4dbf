// Per-IP limits key on the real client: a random X-Forwarded-For buys nothing unless the peer is a configured
// proxy (TRUSTED_PROXIES), and then the forwarded address is the client. Sandbox off, so the per-IP limits are the
// declared ones (admin login 30 a minute, SMS codes 20 a minute) rather than the sandbox's floor of 600.
import { randomInt } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/harness';

// out of the sandbox, WeChat Pay needs a merchant (never called here)
const NO_SANDBOX = { SANDBOX: '0', WECHATPAY_MCHID: '1900000109', WECHATPAY_SERIAL_NO: 'TEST0000SERIAL' };

const randomIp = () => `${randomInt(1, 224)}.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/** Sends `n` requests one after the other; returns the statuses. */
async function burst(n: number, send: (i: number) => Promise<{ status: number }>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await send(i)).status);
  return statuses;
}

const adminLogin = (t: TestServer, i: number, forwardedFor?: string) =>
  t.api('POST', '/api/admin/v1/auth/login', {
    body: { username: `nobody${i}x${randomInt(1e9)}`, password: 'wrong-password-123' },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
const smsCode = (t: TestServer, i: number, forwardedFor?: string) =>
  t.api('POST', '/api/v1/auth/h5/sms-code', {
    body: { phone: `139${String(10_000_000 + i * 7919 + randomInt(1000)).slice(-8)}` },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

describe('TRUSTED_PROXIES unset (the default)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: NO_SANDBOX });
  });
  afterAll(() => t.close());

  it('admin login: a random X-Forwarded-For per request does not escape the per-IP limit', async () => {
    // (the per-IP limit is 30 a minute; failed logins may be limited per IP sooner)
    const statuses = await burst(32, (i) => adminLogin(t, i, randomIp()));
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThan(0);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
  });

  it('SMS codes: a random X-Forwarded-For per request does not escape the per-IP limit', async () => {
    const statuses = await burst(21, (i) => smsCode(t, i, randomIp()));
    expect(statuses.slice(0, 20)).not.toContain(429);
    expect(statuses[20]).toBe(429);
  });
});

describe('TRUSTED_PROXIES naming the peer', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { ...NO_SANDBOX, TRUSTED_PROXIES: '127.0.0.1' } });
  });
  afterAll(() => t.close());

  it('counts per forwarded client: distinct clients behind the proxy are not limited together', async () => {
    const statuses = await burst(35, (i) => adminLogin(t, i, `198.51.100.${i + 1}`));
    expect(statuses).not.toContain(429);
  });

  it('still limits one client behind the proxy, whatever it puts in front of the header itself', async () => {
    // the client forges a left-most address each time; the proxy appends the one it saw
    const statuses = await burst(22, (i) => smsCode(t, i, `${randomIp()}, 203.0.113.50`));
    expect(statuses.slice(0, 20)).not.toContain(429);
    expect(statuses[20]).toBe(429);
    // another client through the same proxy is not affected
    expect((await smsCode(t, 99, '203.0.113.51')).status).not.toBe(429);
  });
});

describe('TRUSTED_PROXIES naming other hosts only', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { ...NO_SANDBOX, TRUSTED_PROXIES: '10.0.0.0/8' } });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For from a peer that is not one of them', async () => {
    const statuses = await burst(21, (i) => smsCode(t, i, randomIp()));
    expect(statuses[20]).toBe(429);
  });
});

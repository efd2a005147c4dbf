import { ConfigError, loadConfig } from '../../src/config';

const prod = {
  NODE_ENV: 'production',
  SANDBOX: '0',
  JWT_SECRET: 'x'.repeat(40),
  MYSQL_URL: 'mysql://root:@127.0.0.1:3306/linli',
  REDIS_URL: 'redis://127.0.0.1:6379',
  WECHAT_APPID: 'wx123',
  WECHAT_SECRET: 's',
  WECHATPAY_MCHID: '1900000109',
  WECHATPAY_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WECHATPAY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\n…\\n-----END PRIVATE KEY-----',
  WECHATPAY_APIV3_KEY: 'k'.repeat(32),
};

const problems = (env: Record<string, string | undefined>) => {
  try {
    loadConfig(env as NodeJS.ProcessEnv);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('config', () => {
  it('embedded defaults: SQLite, in-process Redis, sandbox on, port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      sandbox: true,
      mysqlUrl: undefined,
      redisUrl: undefined,
      env: 'development',
    });
    expect(c.dataDir).toMatch(/\.data$/);
  });

  it('a complete production config starts', () => expect(problems(prod)).toEqual([]));

  it.each([
    ['JWT_SECRET missing', { JWT_SECRET: undefined }, /JWT_SECRET is missing/],
    ['JWT_SECRET a default', { JWT_SECRET: 'changeme' }, /JWT_SECRET is a default/],
    ['SANDBOX=1', { SANDBOX: '1' }, /SANDBOX=1 is refused/],
    ['MYSQL_URL missing', { MYSQL_URL: undefined }, /MYSQL_URL is missing/],
    ['WeChat credentials missing', { WECHAT_SECRET: undefined }, /WECHAT_APPID and WECHAT_SECRET/],
    ['WeChat Pay merchant key missing', { WECHATPAY_PRIVATE_KEY: undefined }, /WeChat Pay needs WECHATPAY_PRIVATE_KEY/],
    ['an APIv3 key of the wrong length', { WECHATPAY_APIV3_KEY: 'short' }, /32-byte APIv3 key/],
  ])('production refuses %s and says why', (_w, patch, message) => {
    expect(problems({ ...prod, ...patch }).join('\n')).toMatch(message);
  });

  it('reads PEM keys given on one line with \\n escapes', () => {
    expect(loadConfig(prod as NodeJS.ProcessEnv).wechatPay.privateKey).toContain('\n…\n');
  });

  it('production without SANDBOX set means sandbox off', () => {
    expect(loadConfig({ ...prod, SANDBOX: undefined } as NodeJS.ProcessEnv).sandbox).toBe(false);
  });

  it.each([
    ['a non-numeric PORT', { PORT: 'abc' }],
    ['a MYSQL_URL of another scheme', { MYSQL_URL: 'postgres://x/y' }],
  ])('refuses %s', (_w, env) => expect(problems(env).length).toBeGreaterThan(0));
});

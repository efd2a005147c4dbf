// TRUSTED_PROXIES: off by default; a list of addresses, CIDRs or the names `loopback` / `private`; and the client
// address rule (X-Forwarded-For walked from the right, past trusted proxies only).
import { ConfigError, loadConfig } from '../../src/config';
import { normalizeIp, resolveClientIp, trustedProxyMatcher } from '../../src/http/request-context';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('TRUSTED_PROXIES setting', () => {
  it('is off by default (and when empty)', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: ' ' }).trustedProxies).toEqual([]);
  });

  it('takes addresses, CIDR ranges and the names loopback / private, comma or space separated', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 172.16.0.0/12 2001:DB8::/32,loopback' }).trustedProxies).toEqual([
      '10.0.0.5/32',
      '172.16.0.0/12',
      '2001:db8::/32',
      '127.0.0.0/8',
      '::1/128',
    ]);
    expect(loadConfig({ TRUSTED_PROXIES: 'private' }).trustedProxies).toContain('192.168.0.0/16');
  });

  it('refuses anything else, naming it', () => {
    for (const bad of ['*', 'true', '10.0.0.0/33', '::1/129', '10.0.0.1/8/1', 'lb.internal', '10.0.0', '10.0.0.0/-1'])
      expect(problems({ TRUSTED_PROXIES: bad })).toEqual([expect.stringContaining(`"${bad}"`)]);
  });
});

describe('the client address', () => {
  const none = trustedProxyMatcher([]);
  const lb = trustedProxyMatcher(['10.0.0.0/8', '::1/128']);

  it('normalises what sockets and proxies write', () => {
    expect(normalizeIp('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(normalizeIp(' 203.0.113.7:51234 ')).toBe('203.0.113.7');
    expect(normalizeIp('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeIp('unknown')).toBeUndefined();
    expect(normalizeIp('')).toBeUndefined();
  });

  it('without trusted proxies is the peer, whatever X-Forwarded-For says', () => {
    expect(resolveClientIp('::ffff:127.0.0.1', '1.2.3.4', none)).toBe('127.0.0.1');
    expect(resolveClientIp('203.0.113.9', '1.2.3.4, 5.6.7.8', none)).toBe('203.0.113.9');
  });

  it('from an untrusted peer is the peer', () =>
    expect(resolveClientIp('203.0.113.9', '1.2.3.4', lb)).toBe('203.0.113.9'));

  it('from a trusted peer is the right-most address that is not a trusted proxy', () => {
    expect(resolveClientIp('10.0.0.2', '198.51.100.4', lb)).toBe('198.51.100.4');
    // the client wrote "1.2.3.4" itself; our balancer appended the real peer
    expect(resolveClientIp('10.0.0.2', '1.2.3.4, 198.51.100.4', lb)).toBe('198.51.100.4');
    // two layers of our own proxies
    expect(resolveClientIp('10.0.0.2', '1.2.3.4, 198.51.100.4, 10.0.0.7', lb)).toBe('198.51.100.4');
    expect(resolveClientIp('::1', '2001:db8::5', lb)).toBe('2001:db8::5');
  });

  it('from a trusted peer without the header, or with garbage, is the last address vouched for', () => {
    expect(resolveClientIp('10.0.0.2', undefined, lb)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', 'garbage', lb)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', '1.2.3.4, 10.0.0.9, garbage', lb)).toBe('10.0.0.2');
    expect(resolveClientIp('10.0.0.2', '10.0.0.8', lb)).toBe('10.0.0.8');
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { decryptResource, DecryptionError, encryptResource } from '../../src/platform/wechatpay/aes-gcm';
import {
  formatAuthorization,
  isFresh,
  parseAuthorization,
  rsaSign,
  signatureMessage,
} from '../../src/platform/wechatpay/signatures';
import { WechatPayVerifier } from '../../src/platform/wechatpay/verifier';

const KEY = '0123456789abcdef0123456789abcdef';
const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

describe('AEAD_AES_256_GCM with the tag checked', () => {
  const ct = encryptResource('{"out_trade_no":"1"}', KEY, 'abcdefghijkl', 'transaction');

  it('round-trips', () => {
    expect(decryptResource(ct, KEY, 'abcdefghijkl', 'transaction')).toBe('{"out_trade_no":"1"}');
  });

  const flip = (b64: string, at: number) => {
    const b = Buffer.from(b64, 'base64');
    b.writeUInt8(b.readUInt8(at) ^ 1, at);
    return b.toString('base64');
  };
  it.each([
    ['a flipped data byte', () => decryptResource(flip(ct, 0), KEY, 'abcdefghijkl', 'transaction')],
    [
      'a flipped tag byte',
      () => decryptResource(flip(ct, Buffer.from(ct, 'base64').length - 1), KEY, 'abcdefghijkl', 'transaction'),
    ],
    ['other associated data', () => decryptResource(ct, KEY, 'abcdefghijkl', 'refund')],
    ['another nonce', () => decryptResource(ct, KEY, 'abcdefghijkm', 'transaction')],
    ['another key', () => decryptResource(ct, 'x'.repeat(32), 'abcdefghijkl', 'transaction')],
    ['a truncated ciphertext', () => decryptResource('AAAA', KEY, 'abcdefghijkl', 'transaction')],
  ])('refuses %s', (_name, attempt) => {
    expect(attempt).toThrow(DecryptionError);
  });
});

describe('signature formats', () => {
  it('ends every line with \\n, including an empty body', () => {
    expect(signatureMessage(['GET', '/v3/certificates', '1', 'n', ''])).toBe('GET\n/v3/certificates\n1\nn\n\n');
  });

  it('parses what it formats and refuses other schemes', () => {
    const parts = {
      mchid: '1900000109',
      nonce_str: 'abc',
      signature: 'c2ln',
      timestamp: '1700000000',
      serial_no: '5ABC',
    };
    expect(parseAuthorization(formatAuthorization(parts))).toEqual(parts);
    expect(parseAuthorization('Bearer x')).toBeNull();
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1"')).toBeNull();
  });

  it.each([
    [0, true],
    [299, true],
    [-299, true],
    [300, false],
    [-301, false],
  ])('a timestamp %i s off is fresh: %s', (offsetSec, fresh) => {
    const now = 1_800_000_000_000;
    expect(isFresh(String(now / 1000 + offsetSec), now)).toBe(fresh);
  });
});

describe('WechatPayVerifier: public key and platform certificate modes', () => {
  const pub = pair();
  const cert = pair();
  const now = 1_800_000_000_000;
  let fetches = 0;
  const verifier = new WechatPayVerifier({
    publicKeys: { PUB_KEY_ID_01: pub.publicKey },
    fetchCertificates: async () => {
      fetches++;
      return { '5CERT': cert.publicKey };
    },
    nowMs: () => now,
  });
  const body = '{"id":"EV-1"}';
  const headers = (key: string, serial: string, ts = now / 1000) => ({
    timestamp: String(ts),
    nonce: 'n1',
    serial,
    signature: rsaSign(signatureMessage([String(ts), 'n1', body]), key),
  });

  it.each([
    ['public key mode', headers(pub.privateKey, 'PUB_KEY_ID_01'), { ok: true }],
    ['certificate mode (downloaded on first use)', headers(cert.privateKey, '5CERT'), { ok: true }],
    ['the wrong key for the serial', headers(cert.privateKey, 'PUB_KEY_ID_01'), { ok: false, reason: 'bad_signature' }],
    ['an unknown public key id', headers(pub.privateKey, 'PUB_KEY_ID_99'), { ok: false, reason: 'unknown_serial' }],
    ['a stale timestamp', headers(pub.privateKey, 'PUB_KEY_ID_01', now / 1000 - 301), { ok: false, reason: 'stale' }],
    [
      'a probe',
      { ...headers(pub.privateKey, 'PUB_KEY_ID_01'), signature: 'WECHATPAY/SIGNTEST/x' },
      { ok: false, reason: 'probe' },
    ],
    ['missing headers', { timestamp: '1' }, { ok: false, reason: 'missing_headers' }],
  ])('%s', async (_name, h, expected) => {
    expect(await verifier.verify(h, body)).toEqual(expected);
  });

  it('downloads certificates at most once a minute for unknown serials', async () => {
    await verifier.verify(headers(cert.privateKey, '5OTHER'), body);
    await verifier.verify(headers(cert.privateKey, '5OTHER2'), body);
    expect(fetches).toBe(1);
  });
});

describe('WechatPayVerifier: notifications arriving while the certificates download', () => {
  it('all wait for the one download and verify (none is refused as an unknown serial)', async () => {
    const cert = pair();
    const now = 1_800_000_000_000;
    let fetches = 0;
    let release!: () => void;
    const downloaded = new Promise<void>((r) => (release = r));
    const verifier = new WechatPayVerifier({
      publicKeys: {},
      fetchCertificates: async () => {
        fetches++;
        await downloaded; // a slow download: the other notifications arrive meanwhile
        return { '5CERT': cert.publicKey };
      },
      nowMs: () => now,
    });
    const body = '{"id":"EV-2"}';
    const ts = String(now / 1000);
    const h = {
      timestamp: ts,
      nonce: 'n2',
      serial: '5CERT',
      signature: rsaSign(signatureMessage([ts, 'n2', body]), cert.privateKey),
    };
    const verdicts = Array.from({ length: 8 }, () => verifier.verify(h, body));
    release();
    expect(await Promise.all(verdicts)).toEqual(Array(8).fill({ ok: true }));
    expect(fetches).toBe(1);
  });
});

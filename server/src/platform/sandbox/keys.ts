// Keys the sandbox needs (the simulated platforms' keys and our matching app keys), generated once per data
// dir and kept there, so restarts keep working signatures. Never used in production (SANDBOX is refused there).
// A key set written by an older version is completed, not replaced.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export interface KeyPair {
  privateKey: string;
  publicKey: string;
}

export interface CertifiedKeyPair extends KeyPair {
  serialNo: string;
  certificate: string;
}

export interface WechatPaySandboxKeys {
  mchId: string;
  apiV3Key: string;
  /** our merchant API key and certificate (apiclient_key.pem / apiclient_cert.pem) */
  merchant: CertifiedKeyPair;
  /** the simulated WeChat Pay public key (PUB_KEY_ID_… mode) */
  publicKey: KeyPair & { id: string };
  /** the simulated platform certificate (the older mode, served by /v3/certificates) */
  platformCert: CertifiedKeyPair;
}

export interface SandboxKeys {
  /** our app's key pair registered with the simulated Alipay */
  alipayApp: KeyPair;
  /** the simulated Alipay's own key pair */
  alipayPlatform: KeyPair;
  wechatPay: WechatPaySandboxKeys;
}

function rsaPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKey, publicKey };
}

/** A self-signed certificate over a fresh key pair (the serial is upper-case hex, as WeChat's are). */
export function certifiedPair(commonName: string): CertifiedKeyPair {
  const pair = rsaPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKey);
  cert.serialNumber = `5${randomBytes(19).toString('hex')}`.toUpperCase();
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  const attrs = [{ name: 'commonName', value: commonName }];
  cert.setSubject(attrs);
  cert.setIssuer([{ name: 'commonName', value: 'Linli Sandbox CA' }]);
  cert.sign(forge.pki.privateKeyFromPem(pair.privateKey), forge.md.sha256.create());
  return { ...pair, serialNo: cert.serialNumber, certificate: forge.pki.certificateToPem(cert) };
}

export function wechatPaySandboxKeys(): WechatPaySandboxKeys {
  return {
    mchId: '1900000109',
    apiV3Key: randomBytes(24).toString('base64url').slice(0, 32),
    merchant: certifiedPair('Linli sandbox merchant'),
    publicKey: { ...rsaPair(), id: `PUB_KEY_ID_0119${randomBytes(12).toString('hex').toUpperCase()}` },
    platformCert: certifiedPair('Tenpay.com Root CA (sandbox)'),
  };
}

export function loadOrCreateSandboxKeys(dataDir: string): SandboxKeys {
  const file = path.join(dataDir, 'sandbox-keys.json');
  let stored: Partial<SandboxKeys> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SandboxKeys>;
  } catch {
    // first start: generate everything below
  }
  const keys: SandboxKeys = {
    alipayApp: stored.alipayApp ?? rsaPair(),
    alipayPlatform: stored.alipayPlatform ?? rsaPair(),
    wechatPay: stored.wechatPay ?? wechatPaySandboxKeys(),
  };
  if (!stored.alipayApp || !stored.alipayPlatform || !stored.wechatPay) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  return keys;
}

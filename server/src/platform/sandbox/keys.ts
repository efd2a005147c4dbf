// Keys the sandbox needs (the simulated platforms' keys and our matching app keys), generated once per data
// dir and kept there, so restarts keep working signatures. Never used in production (SANDBOX is refused there).
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface KeyPair {
  privateKey: string;
  publicKey: string;
}

export interface SandboxKeys {
  /** our app's key pair registered with the simulated Alipay */
  alipayApp: KeyPair;
  /** the simulated Alipay's own key pair */
  alipayPlatform: KeyPair;
}

function rsaPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKey, publicKey };
}

export function loadOrCreateSandboxKeys(dataDir: string): SandboxKeys {
  const file = path.join(dataDir, 'sandbox-keys.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SandboxKeys;
  } catch {
    const keys: SandboxKeys = { alipayApp: rsaPair(), alipayPlatform: rsaPair() };
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
    return keys;
  }
}

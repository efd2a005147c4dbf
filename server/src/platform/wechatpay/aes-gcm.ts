// AEAD_AES_256_GCM as WeChat Pay v3 uses it for notification resources and platform certificates. Our own
// routine because wechatpay-node-v3's `decipher_gcm` never calls `final()`: the tag is not checked there and
// tampered data would decrypt silently. Here a wrong tag throws.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

function keyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('the APIv3 key must be 32 bytes');
  return key;
}

/** base64(ciphertext ‖ 16-byte tag), the `resource.ciphertext` format. */
export function encryptResource(plaintext: string, apiV3Key: string, nonce: string, associatedData: string): string {
  const cipher = createCipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([data, cipher.getAuthTag()]).toString('base64');
}

export function decryptResource(ciphertext: string, apiV3Key: string, nonce: string, associatedData: string): string {
  const raw = Buffer.from(ciphertext, 'base64');
  if (raw.length <= TAG_BYTES) throw new DecryptionError('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  decipher.setAAD(Buffer.from(associatedData ?? '', 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(0, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError('authentication tag mismatch: the resource was altered or the key is wrong');
  }
}

/** A 12-character nonce like WeChat's. */
export function resourceNonce(): string {
  return randomBytes(9).toString('base64url').slice(0, 12);
}

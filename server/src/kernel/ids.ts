import { randomBytes, randomInt } from 'node:crypto';

const ALPHANUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random, non-enumerable share code of [0-9A-Za-z] (group codes, referral codes). */
export function shareCode(length = 10): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUM[randomInt(ALPHANUM.length)];
  return out;
}

/** A random token for request ids, nonces and the like. */
export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

// The WeChat Pay v3 signature formats (platform.md §1.1, §1.3, §1.4), shared by our client and the simulator so
// both sides speak exactly one protocol. SHA256withRSA, PKCS#1 v1.5, base64.
import { createSign, createVerify, type KeyObject } from 'node:crypto';

export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';
/** Signatures and their freshness use wall time, never the business clock. */
export const FRESHNESS_MS = 5 * 60_000;
export const PROBE_PREFIX = 'WECHATPAY/SIGNTEST/';

/** Every line ends in "\n", including the last (an empty body still has its line). */
export function signatureMessage(lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

export function rsaSign(message: string, privateKey: string | KeyObject): string {
  return createSign('RSA-SHA256').update(message).sign(privateKey, 'base64');
}

export function rsaVerify(message: string, signature: string, publicKey: string | KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}

export interface AuthorizationParts {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

export function parseAuthorization(header: string | undefined): AuthorizationParts | null {
  if (!header?.startsWith(`${AUTH_SCHEME} `)) return null;
  const parts: Record<string, string> = {};
  for (const m of header.slice(AUTH_SCHEME.length + 1).matchAll(/(\w+)="([^"]*)"/g)) if (m[1]) parts[m[1]] = m[2] ?? '';
  const { mchid, nonce_str, signature, timestamp, serial_no } = parts;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

export function formatAuthorization(p: AuthorizationParts): string {
  return `${AUTH_SCHEME} mchid="${p.mchid}",nonce_str="${p.nonce_str}",signature="${p.signature}",timestamp="${p.timestamp}",serial_no="${p.serial_no}"`;
}

/** `Wechatpay-Timestamp` (seconds) within 5 minutes of now, either way. */
export function isFresh(timestampSec: string, nowMs: number): boolean {
  const ts = Number(timestampSec);
  return Number.isInteger(ts) && Math.abs(nowMs - ts * 1000) < FRESHNESS_MS;
}

/** The `wx.requestPayment` paySign message: appId, timeStamp, nonceStr, package. */
export function paySignMessage(appId: string, timeStamp: string, nonceStr: string, pkg: string): string {
  return signatureMessage([appId, timeStamp, nonceStr, pkg]);
}

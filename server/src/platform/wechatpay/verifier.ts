// Verifies what WeChat Pay signs (API responses and notifications) with the key the `Wechatpay-Serial` names:
// a WeChat Pay public key (`PUB_KEY_ID_…`, merchants since late 2024) or a platform certificate (older
// merchants, downloaded from /v3/certificates). Both stay loaded, so a merchant migrating between them keeps
// working. Probe requests (`WECHATPAY/SIGNTEST/…`) and stale timestamps are refused before any key is looked at.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { isFresh, PROBE_PREFIX, rsaVerify, signatureMessage } from './signatures';

export interface SignedHeaders {
  timestamp?: string;
  nonce?: string;
  signature?: string;
  serial?: string;
}

export type VerifyFailure = 'missing_headers' | 'probe' | 'stale' | 'unknown_serial' | 'bad_signature';
export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure };

export const PUBLIC_KEY_ID_PREFIX = 'PUB_KEY_ID_';

export interface VerifierOptions {
  /** PUB_KEY_ID_… → PEM public key */
  publicKeys: Record<string, string>;
  /** downloads the platform certificates: serial → PEM public key */
  fetchCertificates?: () => Promise<Record<string, string>>;
  /** wall time; tests may pin it */
  nowMs?: () => number;
}

export class WechatPayVerifier {
  private readonly publicKeys = new Map<string, KeyObject>();
  private readonly certificates = new Map<string, KeyObject>();
  private lastFetchMs = 0;
  /** the download under way: notifications arriving meanwhile wait for it instead of finding no key */
  private fetching: Promise<void> | null = null;
  private readonly nowMs: () => number;

  constructor(private readonly opts: VerifierOptions) {
    for (const [id, pem] of Object.entries(opts.publicKeys)) this.publicKeys.set(id, createPublicKey(pem));
    this.nowMs = opts.nowMs ?? Date.now;
  }

  addCertificates(certs: Record<string, string>): void {
    for (const [serial, pem] of Object.entries(certs)) this.certificates.set(serial, createPublicKey(pem));
  }

  async verify(h: SignedHeaders, body: string): Promise<VerifyResult> {
    if (!h.timestamp || !h.nonce || !h.signature || !h.serial) return { ok: false, reason: 'missing_headers' };
    if (h.signature.startsWith(PROBE_PREFIX)) return { ok: false, reason: 'probe' };
    if (!isFresh(h.timestamp, this.nowMs())) return { ok: false, reason: 'stale' };
    const key = await this.keyFor(h.serial);
    if (!key) return { ok: false, reason: 'unknown_serial' };
    const ok = rsaVerify(signatureMessage([h.timestamp, h.nonce, body]), h.signature, key);
    return ok ? { ok: true } : { ok: false, reason: 'bad_signature' };
  }

  private async keyFor(serial: string): Promise<KeyObject | undefined> {
    if (serial.startsWith(PUBLIC_KEY_ID_PREFIX)) return this.publicKeys.get(serial);
    const key = this.certificates.get(serial);
    if (key) return key;
    // an unknown serial may be a rotated certificate: download again, at most once a minute
    if (!this.fetching && this.opts.fetchCertificates && this.nowMs() - this.lastFetchMs > 60_000) {
      this.lastFetchMs = this.nowMs();
      const fetchCertificates = this.opts.fetchCertificates;
      this.fetching = (async () => this.addCertificates(await fetchCertificates()))().finally(() => {
        this.fetching = null;
      });
    }
    if (this.fetching) await this.fetching;
    return this.certificates.get(serial);
  }
}

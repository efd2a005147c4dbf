// Sends notifications the way WeChat Pay does: an AES-256-GCM encrypted resource in a JSON body signed over
// `TS\nNONCE\nBODY\n`, retried on any non-2xx answer (WeChat's 15 s … 6 h schedule compressed to seconds), and
// now and then delivered twice. It alternates between signing with the WeChat Pay public key (PUB_KEY_ID_…)
// and with the platform certificate, so both verification modes are exercised on every run.
import { randomBytes, randomUUID } from 'node:crypto';
import { encryptResource, resourceNonce } from '../../wechatpay/aes-gcm';
import { rsaSign, signatureMessage } from '../../wechatpay/signatures';
import type { Logger } from '../../logger';
import type { WechatPaySandboxKeys } from '../keys';
import { shanghaiTime } from './ledger';

/** WeChat: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h — here in seconds-scale steps. */
const RETRY_DELAYS_MS = [500, 500, 1000, 2000, 3000, 5000, 5000, 5000, 5000, 10_000, 10_000, 10_000, 10_000, 20_000];

export interface Notification {
  url: string;
  eventType: string;
  summary: string;
  originalType: 'transaction' | 'refund';
  resource: object;
}

export class Notifier {
  private sent = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly keys: WechatPaySandboxKeys,
    private readonly logger: Logger,
    /** how often a notification is delivered twice (every Nth) */
    private readonly duplicateEvery = 4,
  ) {}

  /** Builds the body once (one event id) and delivers it, with retries and the occasional duplicate. */
  send(n: Notification, opts: { delayMs?: number } = {}): void {
    const nonce = resourceNonce();
    const body = JSON.stringify({
      id: `EV-${randomUUID()}`,
      create_time: shanghaiTime(),
      resource_type: 'encrypt-resource',
      event_type: n.eventType,
      summary: n.summary,
      resource: {
        original_type: n.originalType,
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: encryptResource(JSON.stringify(n.resource), this.keys.apiV3Key, nonce, n.originalType),
        associated_data: n.originalType,
        nonce,
      },
    });
    const index = this.sent++;
    this.later(opts.delayMs ?? 200, () => this.deliver(n.url, body, index, 0));
    if (index % this.duplicateEvery === this.duplicateEvery - 1) {
      this.later((opts.delayMs ?? 200) + 150, () => this.deliver(n.url, body, index, 0, false));
    }
  }

  /** Signed headers for a body, in the given mode: what WeChat sends, exposed for tests that forge requests. */
  signedHeaders(body: string, mode: 'public_key' | 'certificate', timestampSec = Math.floor(Date.now() / 1000)) {
    const nonce = randomBytes(16).toString('hex');
    const ts = String(timestampSec);
    const key = mode === 'public_key' ? this.keys.publicKey.privateKey : this.keys.platformCert.privateKey;
    return {
      'content-type': 'application/json',
      'Wechatpay-Timestamp': ts,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': rsaSign(signatureMessage([ts, nonce, body]), key),
      'Wechatpay-Serial': mode === 'public_key' ? this.keys.publicKey.id : this.keys.platformCert.serialNo,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    };
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private later(ms: number, fn: () => Promise<void>) {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      void fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private async deliver(url: string, body: string, index: number, attempt: number, retry = true): Promise<void> {
    if (this.closed) return;
    const mode = index % 2 === 0 ? 'public_key' : 'certificate';
    let status = 0;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: this.signedHeaders(body, mode),
        body,
        signal: AbortSignal.timeout(5000), // WeChat waits 5 s for an answer
      });
      status = res.status;
      await res.arrayBuffer();
    } catch (err) {
      this.logger.debug({ err, url }, 'sandbox WeChat Pay notification not delivered');
    }
    if (status >= 200 && status < 300) return;
    if (retry && attempt < RETRY_DELAYS_MS.length) {
      this.later(RETRY_DELAYS_MS[attempt] ?? 20_000, () => this.deliver(url, body, index, attempt + 1));
    } else if (retry) {
      this.logger.warn({ url, status }, 'sandbox WeChat Pay gave up on a notification after 15 attempts');
    }
  }
}

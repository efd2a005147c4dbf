// Sessions are JWTs (HS256) with an audience per kind of actor, so a consumer token never opens the admin API.
//
// An operator token carries the operator's session version (`ver`), and nothing else the server trusts: on every
// admin request `verifyOperator` reads the operator's current state (from the identity module, which caches it in
// Redis for a few seconds and replaces it on every change) and refuses the token at once when the operator is
// disabled, gone, or their version moved on (disabled, password reset); the role is the current one, never the one
// the operator signed in with.
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import type { OperatorRole } from '../contracts/auth';
import { PlatformErrors } from '../kernel/errors';

export type ConsumerActor = { kind: 'consumer'; userId: number };
export type OperatorActor = { kind: 'operator'; operatorId: number; role: OperatorRole };
export type Actor = ConsumerActor | OperatorActor;

/** What a session may be issued for: an operator's names their current session version. */
export type SessionSubject = ConsumerActor | { kind: 'operator'; operatorId: number; tokenVersion: number };

/** An operator as an admin request must see them: now, not when they signed in. */
export interface OperatorState {
  role: OperatorRole;
  disabled: boolean;
  tokenVersion: number;
}
/** Reads an operator's current state (null: no such operator). */
export type OperatorStateSource = (operatorId: number) => Promise<OperatorState | null>;

const AUDIENCE = { consumer: 'linli:consumer', operator: 'linli:operator' } as const;

export class SessionTokens {
  /**
   * The secret as a key object, made once: given a string, jsonwebtoken first tries it as a public key on every
   * verify (and throws and catches), which was a tenth of a consumer request's CPU.
   */
  private readonly secret: KeyObject;

  constructor(
    secret: string,
    private readonly ttlSec: number,
  ) {
    this.secret = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  issue(subject: SessionSubject): string {
    const id = subject.kind === 'consumer' ? subject.userId : subject.operatorId;
    const claims = subject.kind === 'operator' ? { ver: subject.tokenVersion } : {};
    return jwt.sign(claims, this.secret, {
      algorithm: 'HS256',
      audience: AUDIENCE[subject.kind],
      subject: String(id),
      expiresIn: this.ttlSec,
    });
  }

  /**
   * Consumer tokens already verified, by their text: a shopper's requests repeat the same token, and checking its
   * HMAC and parsing its JSON each time was a visible part of a hot request (a seckill attempt). A hit is only
   * trusted until the token's own expiry; consumer tokens are never revoked early (no state is read for them).
   */
  private readonly verified = new LRUCache<string, { id: number; expMs: number }>({ max: 20_000 });

  /** The consumer of a bearer token, or throws 401. */
  verify(token: string, kind: 'consumer'): ConsumerActor {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expMs) return { kind, userId: known.id };
    const { id, payload } = this.decode(token, kind);
    if (typeof payload.exp === 'number') this.verified.set(token, { id, expMs: payload.exp * 1000 });
    return { kind, userId: id };
  }

  /**
   * The operator of a bearer token as they are now, or throws 401: a forged or expired token, an operator who is
   * gone or disabled, or a session older than the operator's current version.
   */
  async verifyOperator(token: string, currentState: OperatorStateSource): Promise<OperatorActor> {
    const { id, payload } = this.decode(token, 'operator');
    const ver = payload.ver;
    if (typeof ver !== 'number' || !Number.isSafeInteger(ver)) throw PlatformErrors.UNAUTHENTICATED();
    const state = await currentState(id);
    if (!state) throw PlatformErrors.UNAUTHENTICATED(undefined, '账号不存在');
    if (state.disabled) throw PlatformErrors.UNAUTHENTICATED(undefined, '账号已停用');
    if (state.tokenVersion !== ver) throw PlatformErrors.SESSION_EXPIRED(undefined, '登录已失效，请重新登录');
    return { kind: 'operator', operatorId: id, role: state.role };
  }

  private decode(token: string, kind: Actor['kind']): { id: number; payload: jwt.JwtPayload } {
    let payload: jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.secret, { algorithms: ['HS256'], audience: AUDIENCE[kind] }) as jwt.JwtPayload;
    } catch (e) {
      const expired = (e as Error).name === 'TokenExpiredError';
      throw expired ? PlatformErrors.SESSION_EXPIRED() : PlatformErrors.UNAUTHENTICATED(undefined, '登录凭证无效');
    }
    const id = Number(payload.sub);
    if (!Number.isSafeInteger(id) || id <= 0) throw PlatformErrors.UNAUTHENTICATED();
    return { id, payload };
  }
}

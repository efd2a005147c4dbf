// Sessions are JWTs (HS256) with an audience per kind of actor, so a consumer token never opens the admin API.
import jwt from 'jsonwebtoken';
import type { OperatorRole } from '../contracts/auth';
import { unauthenticated } from '../kernel/errors';

export type Actor = { kind: 'consumer'; userId: number } | { kind: 'operator'; operatorId: number; role: OperatorRole };

const AUDIENCE = { consumer: 'linli:consumer', operator: 'linli:operator' } as const;

export class SessionTokens {
  constructor(
    private readonly secret: string,
    private readonly ttlSec: number,
  ) {}

  issue(actor: Actor): string {
    const subject = actor.kind === 'consumer' ? String(actor.userId) : String(actor.operatorId);
    const claims = actor.kind === 'operator' ? { role: actor.role } : {};
    return jwt.sign(claims, this.secret, {
      algorithm: 'HS256',
      audience: AUDIENCE[actor.kind],
      subject,
      expiresIn: this.ttlSec,
    });
  }

  /** Returns the actor of a bearer token of the given kind, or throws 401. */
  verify(token: string, kind: Actor['kind']): Actor {
    let payload: jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.secret, { algorithms: ['HS256'], audience: AUDIENCE[kind] }) as jwt.JwtPayload;
    } catch (e) {
      const expired = (e as Error).name === 'TokenExpiredError';
      throw unauthenticated(
        expired ? '登录已过期，请重新登录' : '登录凭证无效',
        expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED',
      );
    }
    const id = Number(payload.sub);
    if (!Number.isSafeInteger(id) || id <= 0) throw unauthenticated();
    return kind === 'consumer' ? { kind, userId: id } : { kind, operatorId: id, role: payload.role as OperatorRole };
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

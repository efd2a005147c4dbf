// Bearer tokens on requests; the session signer itself is platform/session-tokens.ts.
export {
  SessionTokens,
  type Actor,
  type ConsumerActor,
  type OperatorActor,
  type OperatorState,
  type OperatorStateSource,
} from '../platform/session-tokens';

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

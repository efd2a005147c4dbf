// Consumer tokens are verified once and then answered from memory, but only until their own expiry; a forged
// token is never mistaken for a remembered one.
import { SessionTokens } from '../../src/platform/session-tokens';

const SECRET = 'unit-test-secret-of-at-least-32-characters';

afterEach(() => jest.useRealTimers());

test('a remembered consumer token still expires at its exp, and a forged one is refused', () => {
  jest.useFakeTimers({ now: new Date('2026-12-08T00:00:00Z') });
  const tokens = new SessionTokens(SECRET, 60);
  const token = tokens.issue({ kind: 'consumer', userId: 42 });
  expect(tokens.verify(token, 'consumer')).toEqual({ kind: 'consumer', userId: 42 });
  expect(tokens.verify(token, 'consumer')).toEqual({ kind: 'consumer', userId: 42 }); // from memory
  const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
  expect(() => tokens.verify(forged, 'consumer')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  jest.setSystemTime(new Date('2026-12-08T00:01:01Z'));
  expect(() => tokens.verify(token, 'consumer')).toThrow(expect.objectContaining({ code: 'SESSION_EXPIRED' }));
});

test("another secret's token is refused whatever this instance remembers", () => {
  const mine = new SessionTokens(SECRET, 60);
  const theirs = new SessionTokens(`${SECRET}-other`, 60);
  const token = theirs.issue({ kind: 'consumer', userId: 7 });
  expect(() => mine.verify(token, 'consumer')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
});

// Seckill session rules as a table: whole hours in Shanghai, at most 24 hours, open from start to end (exclusive),
// warm from five minutes before the start; the default day's five sessions.
import {
  defaultSessions,
  isWarmWindow,
  sessionStatus,
  sessionWindowProblem,
} from '../../src/modules/seckill/domain/sessions';
import { PURCHASE_LIFECYCLE } from '../../src/modules/seckill/domain/purchase-lifecycle';

const at = (s: string) => new Date(s);

it.each([
  ['2026-12-08T10:00:00+08:00', '2026-12-08T12:00:00+08:00', null],
  ['2026-12-08T00:00:00+08:00', '2026-12-09T00:00:00+08:00', null], // exactly 24 h
  ['2026-12-08T00:00:00+08:00', '2026-12-09T01:00:00+08:00', 'longer_than_24h'],
  ['2026-12-08T10:30:00+08:00', '2026-12-08T12:00:00+08:00', 'not_whole_hours'],
  ['2026-12-08T10:00:00+08:00', '2026-12-08T12:00:01+08:00', 'not_whole_hours'],
  ['2026-12-08T10:00:00.001+08:00', '2026-12-08T12:00:00+08:00', 'not_whole_hours'],
  ['2026-12-08T12:00:00+08:00', '2026-12-08T12:00:00+08:00', 'ends_before_start'],
  ['2026-12-08T12:00:00+08:00', '2026-12-08T10:00:00+08:00', 'ends_before_start'],
])('session %s → %s: %s', (start, end, problem) => {
  expect(sessionWindowProblem({ startAt: at(start), endAt: at(end) })).toBe(problem);
});

const s = { startAt: at('2026-12-08T10:00:00+08:00'), endAt: at('2026-12-08T12:00:00+08:00') };
it.each([
  ['2026-12-08T09:54:59.999+08:00', 'upcoming', false],
  ['2026-12-08T09:55:00+08:00', 'upcoming', true],
  ['2026-12-08T09:59:59.999+08:00', 'upcoming', true],
  ['2026-12-08T10:00:00+08:00', 'open', true],
  ['2026-12-08T11:59:59.999+08:00', 'open', true],
  ['2026-12-08T12:00:00+08:00', 'ended', false],
])('at %s the session is %s (warm: %s)', (now, status, warm) => {
  expect(sessionStatus(s, at(now))).toBe(status);
  expect(isWarmWindow(s, at(now))).toBe(warm);
});

it('proposes the default day: 00, 10, 12, 16 and 20 o’clock in Shanghai, two hours each', () => {
  const day = defaultSessions(at('2026-12-08T23:30:00+08:00'));
  expect(day.map((w) => [w.startAt.toISOString(), w.endAt.toISOString()])).toEqual([
    ['2026-12-07T16:00:00.000Z', '2026-12-07T18:00:00.000Z'],
    ['2026-12-08T02:00:00.000Z', '2026-12-08T04:00:00.000Z'],
    ['2026-12-08T04:00:00.000Z', '2026-12-08T06:00:00.000Z'],
    ['2026-12-08T08:00:00.000Z', '2026-12-08T10:00:00.000Z'],
    ['2026-12-08T12:00:00.000Z', '2026-12-08T14:00:00.000Z'],
  ]);
  for (const w of day) expect(sessionWindowProblem(w)).toBeNull();
});

it.each([
  ['ordered', 'paid', true],
  ['ordered', 'returned', true],
  ['paid', 'returned', true],
  ['paid', 'ordered', false],
  ['returned', 'ordered', false],
  ['failed', 'ordered', false],
  ['failed', 'returned', false],
] as const)('a purchase moves %s → %s: %s', (from, to, ok) => {
  expect(PURCHASE_LIFECYCLE.can(from, to)).toBe(ok);
});

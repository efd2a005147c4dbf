// Asia/Shanghai at the edges (kernel/shanghai-time.ts): days, hours and the payment channels' wire formats.
import {
  isWholeHour,
  parseShanghaiDateTime,
  shanghaiCompactStamp,
  shanghaiDateTime,
  shanghaiDay,
  shanghaiHour,
  shanghaiRfc3339,
  startOfShanghaiDay,
} from '../../src/kernel/shanghai-time';

it.each([
  ['2026-11-25T15:59:59.999Z', '2026-11-25', 23],
  ['2026-11-25T16:00:00.000Z', '2026-11-26', 0],
  ['2026-12-31T16:30:00.000Z', '2027-01-01', 0],
  ['2026-03-01T02:00:00.000Z', '2026-03-01', 10],
])('%s is %s, hour %s in Shanghai', (iso, day, hour) => {
  expect(shanghaiDay(new Date(iso))).toBe(day);
  expect(shanghaiHour(new Date(iso))).toBe(hour);
  expect(startOfShanghaiDay(new Date(iso)).toISOString()).toBe(new Date(`${day}T00:00:00+08:00`).toISOString());
});

it('formats and parses the channels’ wire times', () => {
  const at = new Date('2026-11-23T04:05:06.789Z');
  expect(shanghaiRfc3339(at)).toBe('2026-11-23T12:05:06+08:00');
  expect(shanghaiDateTime(at)).toBe('2026-11-23 12:05:06');
  expect(shanghaiCompactStamp(at)).toBe('20261123120506');
  expect(parseShanghaiDateTime('2026-11-23 12:05:06').toISOString()).toBe('2026-11-23T04:05:06.000Z');
});

it.each([
  ['2026-11-23T02:00:00.000Z', true],
  ['2026-11-23T02:00:00.001Z', false],
  ['2026-11-23T02:30:00.000Z', false],
])('isWholeHour(%s) = %s', (iso, whole) => expect(isWholeHour(new Date(iso))).toBe(whole));

import { addressText, countdown, groupCodeFrom, specsLabel } from '../src/services/labels';

describe('countdown', () => {
  const now = Date.parse('2026-11-26T00:00:00Z');
  test.each([
    [now + 61_000, '00:01:01'],
    [now + 3_600_000, '01:00:00'],
    [now + 86_400_000 + 5_000, '1天 00:00:05'],
    [now - 1_000, '00:00:00'],
  ])('%s → %s', (deadline, text) => {
    expect(countdown(new Date(deadline), now)).toBe(text);
  });
});

describe('groupCodeFrom', () => {
  test.each([
    [{ code: 'a9Z4E3zdVy' }, 'a9Z4E3zdVy'],
    [{ scene: encodeURIComponent('g=a9Z4E3zdVy') }, 'a9Z4E3zdVy'],
    [{ code: 'bad code!' }, null],
    [{ scene: 'x=1' }, null],
    [{}, null],
  ])('%j → %s', (params, code) => {
    expect(groupCodeFrom(params)).toBe(code);
  });
});

test.each([
  [{ 颜色: '红', 尺码: 'XL' }, undefined, '红 / XL'],
  [{}, undefined, '默认规格'],
  [{}, '默认', '默认'],
])('specsLabel(%j)', (specs, fallback, text) => {
  expect(specsLabel(specs, fallback)).toBe(text);
});

test('addressText', () => {
  expect(addressText({ province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 1 号' })).toBe(
    '浙江省杭州市西湖区 文三路 1 号',
  );
});

import type { Sku } from '@contracts';
import { initialSelection, isAvailable, matchSku, specGroups } from '../src/subpackages/product/detail/sku';

const sku = (id: number, specs: Record<string, string>, priceFen: number, stock: number): Sku => ({
  id,
  specs,
  priceFen,
  stock,
  image: null,
});

const SKUS = [
  sku(1, { 颜色: '红', 尺码: 'M' }, 1990, 0),
  sku(2, { 颜色: '红', 尺码: 'L' }, 2190, 3),
  sku(3, { 颜色: '蓝', 尺码: 'M' }, 1990, 5),
];
const NAMES = ['颜色', '尺码'];

describe('SKU selection', () => {
  test('spec groups keep first-seen order', () => {
    expect(specGroups(SKUS)).toEqual([
      { name: '颜色', values: ['红', '蓝'] },
      { name: '尺码', values: ['M', 'L'] },
    ]);
    expect(specGroups([sku(9, {}, 100, 1)])).toEqual([]);
  });

  test('a SKU matches only a complete selection', () => {
    expect(matchSku(SKUS, NAMES, { 颜色: '红', 尺码: 'L' })?.id).toBe(2);
    expect(matchSku(SKUS, NAMES, { 颜色: '红' })).toBeUndefined();
    expect(matchSku(SKUS, NAMES, { 颜色: '蓝', 尺码: 'L' })).toBeUndefined();
    expect(matchSku([sku(9, {}, 100, 1)], [], {})?.id).toBe(9);
  });

  test('availability follows stock and the other choices', () => {
    expect(isAvailable(SKUS, NAMES, { 颜色: '红' }, '尺码', 'M')).toBe(false); // red M sold out
    expect(isAvailable(SKUS, NAMES, { 颜色: '蓝' }, '尺码', 'M')).toBe(true);
    expect(isAvailable(SKUS, NAMES, {}, '尺码', 'M')).toBe(true); // blue M is in stock
    expect(isAvailable(SKUS, NAMES, { 尺码: 'L' }, '颜色', '蓝')).toBe(false); // no blue L
  });

  test('starts on the cheapest SKU in stock (the one the price tag shows)', () => {
    expect(initialSelection(SKUS)).toEqual({ 颜色: '蓝', 尺码: 'M' });
    expect(initialSelection([sku(1, { 颜色: '红' }, 2990, 4), sku(2, { 颜色: '蓝' }, 1990, 0)])).toEqual({
      颜色: '红',
    });
    expect(initialSelection([sku(1, { 颜色: '红' }, 1, 0)])).toEqual({ 颜色: '红' });
    expect(initialSelection([])).toEqual({});
  });
});

import { checkSkuMatrix, likePattern, listPrice } from '../../src/modules/catalog/domain/sku-matrix';

describe('checkSkuMatrix', () => {
  it.each([
    ['one SKU without specs', [{ specs: {} }], undefined],
    ['a full matrix', [{ specs: { 色: '红', 码: 'M' } }, { specs: { 码: 'L', 色: '红' } }], undefined],
    [
      'same values, keys in another order',
      [{ specs: { 色: '红', 码: 'M' } }, { specs: { 码: 'M', 色: '红' } }],
      { code: 'SKU_DUPLICATE_SPECS', index: 1, duplicateOf: 0 },
    ],
    [
      'two SKUs without specs',
      [{ specs: {} }, { specs: {} }],
      { code: 'SKU_DUPLICATE_SPECS', index: 1, duplicateOf: 0 },
    ],
    [
      'different spec names',
      [{ specs: { 色: '红' } }, { specs: { 码: 'M' } }],
      { code: 'SKU_SPEC_KEYS_DIFFER', index: 1 },
    ],
    [
      'a missing spec',
      [{ specs: { 色: '红', 码: 'M' } }, { specs: { 色: '蓝' } }],
      { code: 'SKU_SPEC_KEYS_DIFFER', index: 1 },
    ],
  ])('%s', (_w, skus, problem) => expect(checkSkuMatrix(skus as { specs: Record<string, string> }[])).toEqual(problem));
});

it('lists a product at its cheapest SKU', () => {
  expect(listPrice([{ priceFen: 300 }, { priceFen: 199 }, { priceFen: 250 }])).toBe(199);
  expect(() => listPrice([])).toThrow(RangeError);
});

it.each([
  ['橙', '%橙%'],
  ['100%', '%100\\%%'],
  ['a_b', '%a\\_b%'],
  ['back\\slash', '%back\\\\slash%'],
])('likePattern(%p) = %p', (q, pattern) => expect(likePattern(q)).toBe(pattern));

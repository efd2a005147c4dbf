import { lineAvailability, mergedQuantity } from '../../src/modules/cart/domain/cart-line';

describe('cart lines', () => {
  it.each([
    ['a live SKU with stock', { onShelf: true, stock: 5 }, 2, { available: true, reason: null }],
    ['exactly enough', { onShelf: true, stock: 2 }, 2, { available: true, reason: null }],
    ['not enough', { onShelf: true, stock: 1 }, 2, { available: false, reason: 'NOT_ENOUGH_STOCK' }],
    ['sold out', { onShelf: true, stock: 0 }, 1, { available: false, reason: 'OUT_OF_STOCK' }],
    ['off shelf', { onShelf: false, stock: 9 }, 1, { available: false, reason: 'OFF_SHELF' }],
    ['gone', undefined, 1, { available: false, reason: 'GONE' }],
  ] as const)('%s', (_n, sku, quantity, expected) => expect(lineAvailability(sku, quantity)).toEqual(expected));

  it.each([
    [0, 1, 1],
    [3, 4, 7],
    [998, 5, 999],
  ])('merging %i + %i = %i', (a, b, sum) => expect(mergedQuantity(a, b)).toBe(sum));
});

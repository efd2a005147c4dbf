// The one display rule for prices (contracts/display/price): the price, its 起, and a reference price that
// belongs to the same SKU.
import {
  campaignPriceTags,
  formatFen,
  formatPriceTag,
  priceTag,
  productPriceTag,
  type CampaignSkuPrices,
} from '../../src/contracts/display';

const sku = (skuId: number, offerFen: number, listPriceFen: number, stock?: number) => ({
  skuId,
  offerFen,
  listPriceFen,
  stock,
});

describe('priceTag', () => {
  test.each([
    ['one SKU, discounted', [sku(1, 2490, 2990)], { skuId: 1, priceFen: 2490, from: false, referenceFen: 2990 }],
    ['one SKU, not discounted', [sku(1, 2990, 2990)], { skuId: 1, priceFen: 2990, from: false, referenceFen: null }],
    [
      'offer above list price: no reference',
      [sku(1, 3100, 2990)],
      { skuId: 1, priceFen: 3100, from: false, referenceFen: null },
    ],
    [
      // the anchors' bug: cheapest offer beside the dearest SKU's list price
      'reference is the cheapest SKU’s own list price, never another SKU’s',
      [sku(1, 2290, 2990), sku(2, 3990, 4990)],
      { skuId: 1, priceFen: 2290, from: true, referenceFen: 2990 },
    ],
    [
      'same offer on every SKU: no 起',
      [sku(1, 1990, 2990), sku(2, 1990, 3990)],
      { skuId: 1, priceFen: 1990, from: false, referenceFen: 2990 },
    ],
    [
      'tie on offer → lower list price',
      [sku(7, 1990, 3990), sku(8, 1990, 2990)],
      { skuId: 8, priceFen: 1990, from: false, referenceFen: 2990 },
    ],
    [
      'tie on both → lower id',
      [sku(9, 1990, 2990), sku(3, 1990, 2990)],
      { skuId: 3, priceFen: 1990, from: false, referenceFen: 2990 },
    ],
    [
      'a sold-out SKU is not the headline while another is on sale',
      [sku(1, 990, 2990, 0), sku(2, 1990, 2990, 5)],
      { skuId: 2, priceFen: 1990, from: false, referenceFen: 2990 },
    ],
    [
      'all sold out: still the cheapest, so the page says what it cost',
      [sku(1, 990, 2990, 0), sku(2, 1990, 2990, 0)],
      { skuId: 1, priceFen: 990, from: true, referenceFen: 2990 },
    ],
  ])('%s', (_name, skus, expected) => expect(priceTag(skus)).toEqual(expected));

  test('no SKU → no tag', () => expect(priceTag([])).toBeNull());

  test('order of the SKUs does not matter', () => {
    const skus = [sku(1, 2290, 2990), sku(2, 1990, 4990), sku(3, 1990, 2590), sku(4, 2990, 2990)];
    const expected = priceTag(skus);
    for (let i = 0; i < 20; i++) {
      const shuffled = [...skus].sort(() => Math.random() - 0.5);
      expect(priceTag(shuffled)).toEqual(expected);
    }
    expect(expected).toEqual({ skuId: 3, priceFen: 1990, from: true, referenceFen: 2590 });
  });
});

test('productPriceTag: the ordinary price, never crossed out', () => {
  expect(
    productPriceTag([
      { id: 1, priceFen: 3990, stock: 1 },
      { id: 2, priceFen: 2990, stock: 3 },
    ]),
  ).toEqual({
    skuId: 2,
    priceFen: 2990,
    from: true,
    referenceFen: null,
  });
});

describe('campaignPriceTags', () => {
  const line = (skuId: number, listPriceFen: number, groupPriceFen: number, leaderPriceFen: number | null) =>
    ({ skuId, listPriceFen, groupPriceFen, leaderPriceFen, stock: 10 }) satisfies CampaignSkuPrices;

  test('the leader price is its own tag, never folded into the member’s 起 price (the 赣南脐橙 case)', () => {
    const tags = campaignPriceTags([line(1, 2990, 2490, 2290), line(2, 4990, 3990, null)]);
    expect(tags).toEqual({
      member: { skuId: 1, priceFen: 2490, from: true, referenceFen: 2990 },
      leader: { skuId: 1, priceFen: 2290, from: true, referenceFen: 2990 },
    });
  });

  test('no leader price (or one equal to the group price) → no 团长价 tag', () => {
    expect(campaignPriceTags([line(1, 2990, 2490, null)])?.leader).toBeNull();
    expect(campaignPriceTags([line(1, 2990, 2490, 2490)])?.leader).toBeNull();
  });

  test('a leader price on a dearer SKU can make another SKU the leader’s cheapest', () => {
    const tags = campaignPriceTags([line(1, 2990, 2490, null), line(2, 4990, 3990, 1990)]);
    expect(tags?.member).toEqual({ skuId: 1, priceFen: 2490, from: true, referenceFen: 2990 });
    expect(tags?.leader).toEqual({ skuId: 2, priceFen: 1990, from: true, referenceFen: 4990 });
  });

  test('no SKU → null', () => expect(campaignPriceTags([])).toBeNull());
});

test('formatPriceTag: the price with its 起', () => {
  expect(formatPriceTag({ skuId: 1, priceFen: 2490, from: true, referenceFen: 2990 }, formatFen)).toBe('¥24.90起');
  expect(formatPriceTag({ skuId: 1, priceFen: 2990, from: false, referenceFen: null }, formatFen)).toBe('¥29.90');
});

// The shared contract pieces that keep hostile input away from the database, table-tested: ids in paths and
// queries (digits only), money and counts within their INT UNSIGNED columns, image and avatar URLs (https: or our
// own /uploads/), and the group-buy rule that a campaign prices each SKU once.
import { UpdateProfileRequest } from '../../src/contracts/auth';
import {
  CreateCategoryRequest,
  CreateProductRequest,
  ProductListQuery,
  UpdateProductRequest,
} from '../../src/contracts/catalog';
import { IdParam, ImageUrlInput, MAX_UINT, Page, PriceFen, Quantity, StockCount } from '../../src/contracts/common';
import { CampaignInput } from '../../src/contracts/groupbuy';
import { CreateOrderRequest, OrderSettingsDoc } from '../../src/contracts/order';
import { campaignProblems } from '../../src/modules/groupbuy/domain/rules';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;

describe('path ids', () => {
  it.each([
    ['27', 27],
    ['1', 1],
    ['2147483647', 2147483647],
  ])('%s reads as %d', (raw, id) => expect(IdParam.parse({ id: raw })).toEqual({ id }));

  it.each([
    '+27',
    '27.0',
    '27e0',
    ' 27',
    '27 ',
    '027',
    '0',
    '-1',
    '0x1b',
    '2147483648',
    '99999999999999999999',
    '',
    '２７',
  ])('%j is refused', (raw) => expect(ok(IdParam, { id: raw })).toBe(false));

  it('query ids and pages are digits only too', () => {
    expect(ProductListQuery.parse({ categoryId: '3', page: '2', pageSize: '50' })).toMatchObject({
      categoryId: 3,
      page: 2,
      pageSize: 50,
    });
    expect(Page.parse({})).toEqual({ page: 1, pageSize: 20 });
    for (const q of [
      { categoryId: '1e0' },
      { page: '+1' },
      { pageSize: '101' },
      { page: '1000001' },
      { page: ['1', '2'] },
    ])
      expect([q, ok(ProductListQuery, q)]).toEqual([q, false]);
  });
});

describe('money and counts', () => {
  it.each([
    [PriceFen, 1, true],
    [PriceFen, MAX_UINT, true],
    [PriceFen, MAX_UINT + 1, false],
    [PriceFen, 0, false],
    [PriceFen, 1.5, false],
    [StockCount, 0, true],
    [StockCount, 99_999_999, true],
    [StockCount, 100_000_000, false],
    [StockCount, MAX_UINT + 1, false],
    [Quantity, 999, true],
    [Quantity, 1000, false],
    [Quantity, 0, false],
  ] as const)('%#: %d → %s', (schema, v, expected) => expect(ok(schema, v)).toBe(expected));

  it('every money and count field of the admin and order inputs is bounded', () => {
    const big = MAX_UINT + 1;
    const product = (sku: object) => ({ title: 'x', skus: [{ priceFen: 100, stock: 1, ...sku }] });
    expect(ok(CreateProductRequest, product({}))).toBe(true);
    expect(ok(CreateProductRequest, product({ priceFen: big }))).toBe(false);
    expect(ok(CreateProductRequest, product({ stock: big }))).toBe(false);
    expect(ok(UpdateProductRequest, product({ priceFen: big }))).toBe(false);
    expect(ok(UpdateProductRequest, product({ stock: big }))).toBe(false);
    expect(ok(UpdateProductRequest, product({ expectedStock: big }))).toBe(false);
    const campaign = (sku: object) => ({ productId: 1, skus: [{ skuId: 1, groupPriceFen: 100, ...sku }] });
    expect(ok(CampaignInput, campaign({}))).toBe(true);
    expect(ok(CampaignInput, campaign({ groupPriceFen: big }))).toBe(false);
    expect(ok(CampaignInput, campaign({ leaderPriceFen: big }))).toBe(false);
    expect(ok(CreateOrderRequest, { items: [{ skuId: 1, quantity: 1000 }], addressId: 1 })).toBe(false);
    const settings = { paymentTimeoutMinutes: 30, autoConfirmDays: 7, shippingFlatFeeFen: 800 };
    expect(ok(OrderSettingsDoc, { ...settings, freeShippingOverFen: MAX_UINT })).toBe(true);
    expect(ok(OrderSettingsDoc, { ...settings, freeShippingOverFen: big })).toBe(false);
  });
});

describe('image and avatar URLs', () => {
  it.each([
    'https://cdn.example.com/a.png',
    'https://thirdwx.qlogo.cn/mmopen/vi_32/abc/132',
    '/uploads/2026/11/3f9a0c1e2b7d4a56.png',
    '/uploads/demo/1.svg',
  ])('%s is accepted', (url) => expect(ok(ImageUrlInput, url)).toBe(true));

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'http://cdn.example.com/a.png',
    '//cdn.example.com/a.png',
    'https:/a.png',
    'https://',
    'https://u:p@cdn.example.com/a.png',
    'https://cdn.example.com/a b.png',
    '/uploads/../admin/index.html',
    '/uploads/./a.png',
    '/uploads/',
    '/admin/index.html',
    'uploads/a.png',
    '/uploads/a.png?x=<script>',
    `https://cdn.example.com/${'a'.repeat(500)}`,
  ])('%s is refused', (url) => expect(ok(ImageUrlInput, url)).toBe(false));

  it('is the schema of product images, SKU images, category icons and the avatar', () => {
    const bad = 'javascript:alert(1)';
    expect(ok(CreateProductRequest, { title: 'x', images: [bad], skus: [{ priceFen: 1, stock: 0 }] })).toBe(false);
    expect(ok(CreateProductRequest, { title: 'x', skus: [{ priceFen: 1, stock: 0, image: bad }] })).toBe(false);
    expect(ok(UpdateProductRequest, { title: 'x', skus: [{ priceFen: 1, image: bad }] })).toBe(false);
    expect(ok(UpdateProductRequest, { title: 'x', skus: [{ priceFen: 1, image: null }] })).toBe(true);
    expect(ok(CreateCategoryRequest, { name: 'x', icon: bad })).toBe(false);
    expect(ok(CreateCategoryRequest, { name: 'x', icon: null })).toBe(true);
    expect(ok(UpdateProfileRequest, { avatar: bad })).toBe(false);
    expect(ok(UpdateProfileRequest, { avatar: 'https://thirdwx.qlogo.cn/a/132' })).toBe(true);
    expect(ok(UpdateProfileRequest, { avatar: null })).toBe(true);
  });
});

describe('a campaign prices each SKU once', () => {
  const base = { size: 2, validityHours: 24, virtualThresholdPct: 50, startsAt: null, endsAt: null };
  const sku = (skuId: number, groupPriceFen = 600) => ({
    skuId,
    listPriceFen: 1000,
    groupPriceFen,
    leaderPriceFen: null,
  });

  it('names the duplicated SKU', () => {
    expect(campaignProblems({ ...base, skus: [sku(7), sku(8), sku(7, 500)] })).toEqual([
      { field: 'skus.7', message: expect.stringContaining('7') },
    ]);
  });

  it('has no problem with distinct SKUs', () => {
    expect(campaignProblems({ ...base, skus: [sku(7), sku(8)] })).toEqual([]);
  });
});

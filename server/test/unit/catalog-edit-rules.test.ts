// Pure rules of catalog editing: the category tree, the matrix diff, stock edits and image sniffing.
import { checkCategoryDeletion, checkCategoryPlacement } from '../../src/modules/catalog/domain/categories';
import { sniffImageType } from '../../src/modules/catalog/domain/image-type';
import { diffSkuMatrix, specAttributes, stockChange } from '../../src/modules/catalog/domain/sku-matrix';

describe('checkCategoryPlacement', () => {
  const top = { id: 1, parentId: null };
  const child = { id: 2, parentId: 1 };
  it.each([
    ['a new top-level category', { parentId: null }, undefined],
    ['a new child of a top-level one', { parentId: 1, parent: top }, undefined],
    ['under a missing parent', { parentId: 9 }, 'CATEGORY_NOT_FOUND'],
    ['under a child (third level)', { parentId: 2, parent: child }, 'CATEGORY_TOO_DEEP'],
    ['under itself', { self: { id: 1, childCount: 0 }, parentId: 1, parent: top }, 'CATEGORY_TOO_DEEP'],
    ['a parent moved under another', { self: { id: 3, childCount: 2 }, parentId: 1, parent: top }, 'CATEGORY_TOO_DEEP'],
    ['a childless one moved under a top', { self: { id: 3, childCount: 0 }, parentId: 1, parent: top }, undefined],
  ])('%s', (_name, placement, code) => {
    expect(checkCategoryPlacement(placement)?.code).toBe(code);
  });

  it.each([
    [{ childCount: 0, productCount: 0 }, undefined],
    [{ childCount: 1, productCount: 0 }, 'CATEGORY_HAS_CHILDREN'],
    [{ childCount: 0, productCount: 3 }, 'CATEGORY_HAS_PRODUCTS'],
  ])('deleting %j', (counts, code) => {
    expect(checkCategoryDeletion(counts)?.code).toBe(code);
  });
});

describe('diffSkuMatrix', () => {
  const existing = [
    { id: 10, disabled: false },
    { id: 11, disabled: false },
    { id: 12, disabled: true },
  ];
  it('updates by id, creates rows without one, disables what was left out', () => {
    expect(diffSkuMatrix(existing, [{ id: 10 }, {}, { id: 12 }])).toEqual({
      update: [
        { index: 0, id: 10, reenable: false },
        { index: 2, id: 12, reenable: true },
      ],
      create: [1],
      disable: [11],
    });
  });
  it.each([
    [[{ id: 99 }], 'SKU_NOT_IN_PRODUCT'],
    [[{ id: 10 }, { id: 10 }], 'SKU_DUPLICATE_ID'],
  ])('refuses %j', (incoming, code) => {
    expect(diffSkuMatrix(existing, incoming)).toMatchObject({ code });
  });
});

describe('stockChange', () => {
  it.each([
    [{}, { kind: 'keep' }],
    [{ stock: 7 }, { kind: 'set', stock: 7 }],
    [
      { stock: 15, expectedStock: 10 },
      { kind: 'add', by: 5 },
    ],
    [
      { stock: 4, expectedStock: 10 },
      { kind: 'take', by: 6 },
    ],
    [{ stock: 10, expectedStock: 10 }, { kind: 'keep' }],
  ])('%j → %j', (edit, change) => {
    expect(stockChange(edit)).toEqual(change);
  });
});

it('lists spec attributes in order of first appearance', () => {
  expect(
    specAttributes([
      { specs: { 颜色: '红', 尺码: 'M' } },
      { specs: { 颜色: '蓝', 尺码: 'M' } },
      { specs: { 颜色: '红', 尺码: 'L' } },
    ]),
  ).toEqual([
    { name: '颜色', values: ['红', '蓝'] },
    { name: '尺码', values: ['M', 'L'] },
  ]);
});

describe('sniffImageType', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  const text = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['gif', text('GIF89a....'), 'image/gif'],
    ['webp', text('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    ['svg', text('<svg xmlns="http://www.w3.org/2000/svg"/>'), undefined],
    ['html', text('<!doctype html>'), undefined],
    ['truncated png', bytes(0x89, 0x50), undefined],
    ['riff but not webp', text('RIFF\0\0\0\0WAVEfmt '), undefined],
  ])('%s', (_name, b, type) => {
    expect(sniffImageType(b)?.contentType).toBe(type);
  });
});

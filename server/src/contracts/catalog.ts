import { Fen, Id, IdString, ImageUrlInput, MAX_UINT, Page, PriceFen, StockCount } from './common';
import { z } from './zod';

export const Category = z
  .object({
    id: Id,
    name: z.string(),
    /** null for a top-level category; categories have two levels */
    parentId: Id.nullable(),
    sort: z.number().int(),
    icon: z.string().nullable(),
  })
  .openapi('Category');
export type Category = z.infer<typeof Category>;
export const CategoryList = z.object({ items: z.array(Category) });
export type CategoryList = z.infer<typeof CategoryList>;

/** Image URLs are site-relative (`/uploads/...`); clients resolve them against the API origin. */
const ImageUrl = z.string().openapi({ example: '/uploads/demo/1.svg' });

export const ProductSort = z.enum(['default', 'price_asc', 'price_desc', 'sales']).openapi({
  description: 'default: newest first; price_asc / price_desc: by the lowest SKU price; sales: best sellers first',
});
export type ProductSort = z.infer<typeof ProductSort>;
export const ProductListQuery = Page.extend({
  q: z.string().trim().max(64).optional(),
  /** a top-level category includes its children */
  categoryId: IdString.optional(),
  sort: ProductSort.default('default'),
});
export const ProductSummary = z
  .object({
    id: Id,
    title: z.string(),
    subtitle: z.string(),
    /** the price tag's price (contracts/display/price: the cheapest SKU on sale) */
    priceFen: Fen,
    /** 起: other SKUs on sale cost more */
    from: z.boolean(),
    image: ImageUrl.nullable(),
    sales: z.number().int(),
  })
  .openapi('ProductSummary');
export type ProductSummary = z.infer<typeof ProductSummary>;
export const ProductList = z.object({
  items: z.array(ProductSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ProductList = z.infer<typeof ProductList>;

/** A SKU's spec values, e.g. `{"颜色": "红", "尺码": "L"}`. */
export const Specs = z.record(z.string().min(1).max(20), z.string().min(1).max(40));
/** Spec values an operator sets: at most 5 attributes, stored as JSON of at most 500 characters. */
const SpecsInput = Specs.refine((s) => Object.keys(s).length <= 5, '最多 5 个规格属性').refine(
  (s) => JSON.stringify(s).length <= 500,
  '规格过长',
);
export const Sku = z
  .object({
    id: Id,
    specs: Specs,
    priceFen: Fen,
    /** available now */
    stock: z.number().int().nonnegative(),
    image: ImageUrl.nullable(),
  })
  .openapi('Sku');
export type Sku = z.infer<typeof Sku>;
export const ProductDetail = z
  .object({
    id: Id,
    title: z.string(),
    subtitle: z.string(),
    description: z.string(),
    categoryId: Id.nullable(),
    images: z.array(ImageUrl),
    priceFen: Fen,
    sales: z.number().int(),
    skus: z.array(Sku),
  })
  .openapi('ProductDetail');
export type ProductDetail = z.infer<typeof ProductDetail>;

// ---- admin ----
export const AdminProductListQuery = Page.extend({
  q: z.string().trim().max(64).optional(),
  categoryId: IdString.optional(),
  onShelf: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const AdminProductRow = z
  .object({
    id: Id,
    title: z.string(),
    categoryId: Id.nullable(),
    categoryName: z.string().nullable(),
    /** the price tag's price, as the shop lists it (contracts/display/price) */
    priceFen: Fen,
    /** 起: other SKUs on sale cost more */
    from: z.boolean(),
    stock: z.number().int(),
    sales: z.number().int(),
    onShelf: z.boolean(),
    image: ImageUrl.nullable(),
    skuCount: z.number().int(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AdminProductRow');
export type AdminProductRow = z.infer<typeof AdminProductRow>;
export const AdminProductList = z.object({ items: z.array(AdminProductRow), total: z.number().int() });
export type AdminProductList = z.infer<typeof AdminProductList>;

export const CreateProductRequest = z
  .object({
    title: z.string().trim().min(1).max(120),
    subtitle: z.string().trim().max(200).default(''),
    description: z.string().max(20000).default(''),
    categoryId: Id.optional(),
    images: z.array(ImageUrlInput).max(20).default([]),
    onShelf: z.boolean().default(true),
    skus: z
      .array(
        z.object({
          specs: SpecsInput.default({}),
          priceFen: PriceFen,
          stock: StockCount,
          code: z.string().max(64).optional(),
          image: ImageUrlInput.optional(),
        }),
      )
      .min(1)
      .max(200),
  })
  .openapi('CreateProductRequest');
export type CreateProductRequest = z.input<typeof CreateProductRequest>;
export const CreateProductResponse = z.object({ id: Id, skus: z.array(z.object({ id: Id })) });
export type CreateProductResponse = z.infer<typeof CreateProductResponse>;

// ---- admin: categories ----
const CategoryName = z.string().trim().min(1).max(32);
const CategoryIcon = ImageUrlInput;
export const AdminCategory = Category.extend({
  /** products (on or off shelf) filed directly under this category */
  productCount: z.number().int(),
  childCount: z.number().int(),
}).openapi('AdminCategory');
export type AdminCategory = z.infer<typeof AdminCategory>;
export const AdminCategoryList = z.object({ items: z.array(AdminCategory) });
export type AdminCategoryList = z.infer<typeof AdminCategoryList>;
export const CreateCategoryRequest = z
  .object({
    name: CategoryName,
    /** a top-level category's id, or null/absent for a top-level category (no third level) */
    parentId: Id.nullable().default(null),
    sort: z.number().int().min(0).max(100000).default(0),
    icon: CategoryIcon.nullable().default(null),
  })
  .openapi('CreateCategoryRequest');
export type CreateCategoryRequest = z.input<typeof CreateCategoryRequest>;
export const UpdateCategoryRequest = z
  .object({
    name: CategoryName.optional(),
    parentId: Id.nullable().optional(),
    sort: z.number().int().min(0).max(100000).optional(),
    icon: CategoryIcon.nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '至少修改一项' })
  .openapi('UpdateCategoryRequest');
export type UpdateCategoryRequest = z.input<typeof UpdateCategoryRequest>;

// ---- admin: product detail and edit ----
export const AdminSku = Sku.extend({ code: z.string().nullable() }).openapi('AdminSku');
export type AdminSku = z.infer<typeof AdminSku>;
export const AdminProductDetail = z
  .object({
    id: Id,
    title: z.string(),
    subtitle: z.string(),
    description: z.string(),
    categoryId: Id.nullable(),
    images: z.array(ImageUrl),
    onShelf: z.boolean(),
    priceFen: Fen,
    sales: z.number().int(),
    /** the spec attributes and their values in order of first appearance, e.g. 颜色: 红, 蓝 */
    specs: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
    /** the active SKUs; removed ones are disabled, not deleted, and not listed */
    skus: z.array(AdminSku),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AdminProductDetail');
export type AdminProductDetail = z.infer<typeof AdminProductDetail>;

export const UpdateProductRequest = z
  .object({
    title: z.string().trim().min(1).max(120),
    subtitle: z.string().trim().max(200).default(''),
    description: z.string().max(20000).default(''),
    /** null files the product under no category */
    categoryId: Id.nullable().default(null),
    images: z.array(ImageUrlInput).max(20).default([]),
    /**
     * The whole SKU matrix after the edit. A SKU with an `id` updates that SKU; one without is added; an active SKU
     * left out is disabled (kept for the orders that reference it, no longer sold or shown).
     */
    skus: z
      .array(
        z.object({
          id: Id.optional(),
          specs: SpecsInput.default({}),
          priceFen: PriceFen,
          /**
           * The available stock the operator wants. For an existing SKU with `expectedStock` (the figure the editor
           * showed), the difference is applied atomically to the live figure, so units reserved by orders meanwhile
           * stay reserved; without `expectedStock` the figure is set as is. Omitted: the stock is left alone.
           */
          stock: StockCount.optional(),
          expectedStock: z.number().int().min(0).max(MAX_UINT).optional(),
          code: z.string().trim().max(64).nullable().optional(),
          image: ImageUrlInput.nullable().optional(),
        }),
      )
      .min(1)
      .max(200),
  })
  .openapi('UpdateProductRequest');
export type UpdateProductRequest = z.input<typeof UpdateProductRequest>;

export const ShelfRequest = z.object({ onShelf: z.boolean() }).openapi('ShelfRequest');
export type ShelfRequest = z.infer<typeof ShelfRequest>;
export const ShelfResponse = z.object({ id: Id, onShelf: z.boolean() });
export type ShelfResponse = z.infer<typeof ShelfResponse>;

// ---- admin: uploads ----
export const UploadImageForm = z
  .object({ file: z.string().openapi({ format: 'binary', description: 'PNG, JPEG, GIF or WebP, at most 5 MB' }) })
  .openapi('UploadImageForm');
export const UploadedImage = z
  .object({
    /** the storage key */
    key: z.string().openapi({ example: '2026/11/3f9a0c1e2b7d4a56.png' }),
    /** where it is served (site-relative for local storage) */
    url: ImageUrl,
    contentType: z.string(),
    size: z.number().int(),
  })
  .openapi('UploadedImage');
export type UploadedImage = z.infer<typeof UploadedImage>;

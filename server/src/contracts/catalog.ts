import { Fen, Id, Page } from './common';
import { z } from './zod';

export const Category = z
  .object({ id: Id, name: z.string(), parentId: Id.nullable(), sort: z.number().int() })
  .openapi('Category');
export type Category = z.infer<typeof Category>;
export const CategoryList = z.object({ items: z.array(Category) });
export type CategoryList = z.infer<typeof CategoryList>;

/** Image URLs are site-relative (`/uploads/...`); clients resolve them against the API origin. */
const ImageUrl = z.string().openapi({ example: '/uploads/demo/1.svg' });

export const ProductListQuery = Page.extend({
  q: z.string().trim().max(64).optional(),
  categoryId: z.coerce.number().int().positive().optional(),
});
export const ProductSummary = z
  .object({
    id: Id,
    title: z.string(),
    subtitle: z.string(),
    /** the lowest SKU price */
    priceFen: Fen,
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
  categoryId: z.coerce.number().int().positive().optional(),
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
    priceFen: Fen,
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
    categoryId: z.number().int().positive().optional(),
    images: z.array(z.string().max(500)).max(20).default([]),
    onShelf: z.boolean().default(true),
    skus: z
      .array(
        z.object({
          specs: Specs.default({}),
          priceFen: z.number().int().min(1),
          stock: z.number().int().min(0),
          code: z.string().max(64).optional(),
          image: z.string().max(500).optional(),
        }),
      )
      .min(1)
      .max(200),
  })
  .openapi('CreateProductRequest');
export type CreateProductRequest = z.input<typeof CreateProductRequest>;
export const CreateProductResponse = z.object({ id: Id, skus: z.array(z.object({ id: Id })) });
export type CreateProductResponse = z.infer<typeof CreateProductResponse>;

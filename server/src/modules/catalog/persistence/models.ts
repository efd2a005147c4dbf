import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export interface CategoryAttrs {
  id: number;
  parentId: number | null;
  name: string;
  sort: number;
  icon: string | null;
}
export interface ProductAttrs {
  id: number;
  categoryId: number | null;
  title: string;
  subtitle: string;
  description: string;
  onShelf: boolean;
  minPriceFen: number;
  sales: number;
  createdAt: Date;
}
export interface ProductImageAttrs {
  id: number;
  productId: number;
  url: string;
  sort: number;
}
export interface SkuAttrs {
  id: number;
  productId: number;
  specsJson: string;
  priceFen: number;
  stock: number;
  code: string | null;
  image: string | null;
  /** set when the SKU was removed from its product's matrix (never deleted: order lines reference it) */
  disabledAt: Date | null;
}

type M<A extends object, C extends keyof A> = ModelStatic<Model<A, Optional<A, C>>>;
export interface CatalogModels {
  Category: M<CategoryAttrs, 'id' | 'parentId' | 'sort' | 'icon'>;
  Product: M<ProductAttrs, 'id' | 'categoryId' | 'subtitle' | 'description' | 'onShelf' | 'sales' | 'createdAt'>;
  ProductImage: M<ProductImageAttrs, 'id' | 'sort'>;
  Sku: M<SkuAttrs, 'id' | 'specsJson' | 'code' | 'image' | 'disabledAt'>;
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };

export function defineCatalogModels(sequelize: Sequelize): CatalogModels {
  const Category: CatalogModels['Category'] = sequelize.define(
    'Category',
    {
      id,
      parentId: DataTypes.INTEGER,
      name: DataTypes.STRING(32),
      sort: DataTypes.INTEGER,
      icon: DataTypes.STRING(500),
    },
    { tableName: 'categories' },
  );
  const Product: CatalogModels['Product'] = sequelize.define(
    'Product',
    {
      id,
      categoryId: DataTypes.INTEGER,
      title: DataTypes.STRING(120),
      subtitle: DataTypes.STRING(200),
      description: DataTypes.TEXT,
      onShelf: DataTypes.BOOLEAN,
      minPriceFen: DataTypes.INTEGER,
      sales: DataTypes.INTEGER,
      createdAt: DataTypes.DATE(3),
    },
    { tableName: 'products' },
  );
  const ProductImage: CatalogModels['ProductImage'] = sequelize.define(
    'ProductImage',
    { id, productId: DataTypes.INTEGER, url: DataTypes.STRING(500), sort: DataTypes.INTEGER },
    { tableName: 'product_images', updatedAt: false },
  );
  const Sku: CatalogModels['Sku'] = sequelize.define(
    'Sku',
    {
      id,
      productId: DataTypes.INTEGER,
      specsJson: DataTypes.STRING(500),
      priceFen: DataTypes.INTEGER,
      stock: DataTypes.INTEGER,
      code: DataTypes.STRING(64),
      image: DataTypes.STRING(500),
      disabledAt: DataTypes.DATE(3),
    },
    { tableName: 'skus' },
  );
  Product.belongsTo(Category, { as: 'category', foreignKey: 'categoryId' });
  Product.hasMany(ProductImage, { as: 'images', foreignKey: 'productId' });
  Product.hasMany(Sku, { as: 'skus', foreignKey: 'productId' });
  return { Category, Product, ProductImage, Sku };
}

/** SKU specs are stored as JSON text (MariaDB returns JSON columns as strings anyway): parsed in one place. */
export function parseSpecs(json: string): Record<string, string> {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

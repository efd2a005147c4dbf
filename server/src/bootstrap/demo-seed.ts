// Demo data for the embedded start: categories and products from sql/seed/demo-catalog.json, with product
// images generated locally as SVG (no network). Runs only on an empty catalog, so it never touches real data.
import fs from 'node:fs';
import path from 'node:path';
import { createProduct, type CatalogModels } from '../modules/catalog';
import type { Runtime } from '../platform/runtime';

export const DEMO_CATALOG_FILE = path.resolve(__dirname, '../../../sql/seed/demo-catalog.json');

interface DemoCatalog {
  categories: { name: string; children: string[] }[];
  products: {
    title: string;
    subtitle: string;
    category: string;
    color: string;
    skus: { specs: Record<string, string>; priceFen: number; stock: number }[];
  }[];
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A square product picture: a colour field, a soft shape and the product's short name. */
export function productSvg(title: string, color: string, variant: number): string {
  const name = escapeXml(title.split(/\s/)[0]!.slice(0, 8));
  const cx = 300 + ((variant * 97) % 120) - 60;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${color}" stop-opacity="0.18"/><stop offset="1" stop-color="${color}" stop-opacity="0.45"/></linearGradient></defs>
<rect width="600" height="600" fill="#fffaf5"/><rect width="600" height="600" fill="url(#g)"/>
<circle cx="${cx}" cy="250" r="150" fill="${color}" opacity="0.85"/>
<circle cx="${cx - 50}" cy="200" r="38" fill="#fff" opacity="0.35"/>
<text x="300" y="500" font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif" font-size="56" font-weight="700" fill="#3f2a1d" text-anchor="middle">${name}</text>
</svg>`;
}

export async function seedDemoCatalog(rt: Runtime, catalog: CatalogModels): Promise<{ products: number } | undefined> {
  const { Category, Product } = catalog;
  if ((await Product.count()) > 0) return undefined;
  const data = JSON.parse(fs.readFileSync(DEMO_CATALOG_FILE, 'utf8')) as DemoCatalog;

  const categoryIds = new Map<string, number>();
  for (const [i, top] of data.categories.entries()) {
    const parent = await Category.create({ name: top.name, sort: i });
    for (const [j, child] of top.children.entries()) {
      const c = await Category.create({ name: child, parentId: parent.getDataValue('id'), sort: j });
      categoryIds.set(child, c.getDataValue('id'));
    }
  }

  const dir = path.join(rt.config.dataDir, 'uploads', 'demo');
  fs.mkdirSync(dir, { recursive: true });
  for (const [i, p] of data.products.entries()) {
    const images = [0, 1].map((v) => {
      const file = `p${i + 1}-${v}.svg`;
      fs.writeFileSync(path.join(dir, file), productSvg(p.title, p.color, i + v));
      return `/uploads/demo/${file}`;
    });
    await createProduct(
      { sequelize: rt.sequelize, models: catalog, audit: rt.audit },
      {
        title: p.title,
        subtitle: p.subtitle,
        description: `${p.subtitle}。${p.title}，邻里团长精选，产地直采，坏果包赔。`,
        categoryId: categoryIds.get(p.category),
        images,
        onShelf: true,
        skus: p.skus.map((s) => ({ ...s, image: images[0] })),
      },
      { operatorId: null },
    );
  }
  return { products: data.products.length };
}

// The demo catalog reads as a shop would: a product's title fits every SKU it sells (a cart line read
// "五常稻花香大米 10斤 · 20斤" when the title named one SKU's size).
import fs from 'node:fs';
import path from 'node:path';

interface DemoProduct {
  title: string;
  skus: { specs: Record<string, string> }[];
}
const catalog = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../sql/seed/demo-catalog.json'), 'utf8')) as {
  products: DemoProduct[];
};

const multiSku = catalog.products.filter((p) => p.skus.length > 1);

test('the catalog has products with several SKUs to check', () => expect(multiSku.length).toBeGreaterThan(3));

test.each(multiSku.map((p) => [p.title, p] as const))('%s names no single SKU’s spec', (_title, product) => {
  // spec values that tell the SKUs apart (a value every SKU shares may be in the title)
  const values = product.skus.flatMap((s) => Object.values(s.specs));
  const distinct = values.filter((v) => values.filter((w) => w === v).length < product.skus.length);
  const compact = product.title.replace(/\s+/g, '');
  for (const v of distinct) expect(compact).not.toContain(v.replace(/\s+/g, ''));
});

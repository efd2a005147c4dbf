// The demo data (what `npm start` seeds in the sandbox): product pictures rendered locally as real WebP images,
// believable sales counts, group buys running now that a shopper can open, seckill items in the session open now and
// the next, and a second run that changes nothing.
import sharp from 'sharp';
import { seedDemoCatalog } from '../../src/bootstrap/demo-seed';
import { buyer } from '../support/shop';
import { startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ seedDemo: true });
}, 60_000);
afterAll(() => t.close());

it('every product has two WebP pictures of 600×600 that differ from product to product', async () => {
  const list = await t.api('GET', '/api/v1/products?pageSize=50');
  expect(list.body.total).toBe(25);
  const firstImages = new Set<string>();
  for (const p of list.body.items.slice(0, 6)) {
    const detail = await t.api('GET', `/api/v1/products/${p.id}`);
    expect(detail.body.images).toHaveLength(2);
    for (const url of detail.body.images) {
      const res = await fetch(`${t.baseUrl}${url}`);
      expect(res.headers.get('content-type')).toContain('image/webp');
      const bytes = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', 600, 600]);
      // a drawing has many colours; a flat placeholder has a few (sharp's stats: per-channel spread)
      const { channels } = await sharp(bytes).stats();
      expect(Math.max(...channels.slice(0, 3).map((c) => c.stdev))).toBeGreaterThan(20);
    }
    firstImages.add((await (await fetch(`${t.baseUrl}${detail.body.images[0]}`)).arrayBuffer()).byteLength.toString());
  }
  expect(firstImages.size).toBeGreaterThan(4); // different drawings, not one picture repeated
});

it('cards show believable sales, and sorting by sales follows them', async () => {
  const list = await t.api('GET', '/api/v1/products?pageSize=50&sort=sales');
  const sales = list.body.items.map((p: { sales: number }) => p.sales);
  expect(sales.every((n: number) => n > 100)).toBe(true);
  expect(new Set(sales).size).toBe(sales.length);
  expect(sales).toEqual([...sales].sort((a: number, b: number) => b - a));
});

it('group buys are running now, and a shopper can open one', async () => {
  const { body } = await t.api('GET', '/api/v1/groupbuy/campaigns');
  expect(body.items.length).toBeGreaterThanOrEqual(3);
  for (const c of body.items) {
    expect(c.image).toMatch(/^\/uploads\/demo\/.+\.webp$/);
    for (const s of c.skus) expect(s.groupPriceFen).toBeLessThan(s.listPriceFen);
  }
  const orange = body.items.find((c: { title: string }) => c.title.includes('赣南脐橙'));
  const m = await buyer(t, 'demo-seed-leader');
  const open = await t.api('POST', '/api/v1/groupbuy/groups', {
    token: m.token,
    body: { campaignId: orange.id, skuId: orange.skus[0].skuId, addressId: m.addressId },
  });
  expect(open.status).toBe(201);
  expect(open.body.order.payableFen).toBeGreaterThan(0);
});

it('seckill items are on in the session open now and in the next one, and a shopper can grab one', async () => {
  const sessions = (await t.api('GET', '/api/v1/seckill/sessions')).body.items as { id: number; status: string }[];
  const open = sessions.find((s) => s.status === 'open')!;
  expect(sessions.filter((s) => s.status === 'upcoming')).toHaveLength(1);
  const items = (await t.api('GET', `/api/v1/seckill/sessions/${open.id}/items`)).body.items;
  expect(items.length).toBeGreaterThanOrEqual(2);
  for (const i of items) expect(i.priceFen).toBeLessThan(i.originalPriceFen);
  const m = await buyer(t, 'demo-seed-seckill');
  const grab = await t.api('POST', `/api/v1/seckill/items/${items[0].id}/attempts`, {
    token: m.token,
    body: { quantity: 1, addressId: m.addressId },
  });
  expect(grab.status).toBe(202);
});

it('a second run seeds nothing and changes nothing', async () => {
  const before = {
    products: await t.models.catalog.Product.count(),
    campaigns: await t.models.groupbuy.Campaign.count(),
    seckillItems: await t.models.seckill.Item.count(),
  };
  expect(before.campaigns).toBeGreaterThanOrEqual(3);
  expect(await seedDemoCatalog(t.rt, t.modules)).toBeUndefined();
  expect({
    products: await t.models.catalog.Product.count(),
    campaigns: await t.models.groupbuy.Campaign.count(),
    seckillItems: await t.models.seckill.Item.count(),
  }).toEqual(before);
});

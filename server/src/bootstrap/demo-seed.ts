// Demo data for the embedded start: categories and products from sql/seed/demo-catalog.json with pictures of each
// item drawn and rendered locally (demo-pictures.ts, no network), believable sales counts, and a few group buys
// running now and seckill items in the session open now and the next, so a first look at the shop shows what it does. Runs only on an empty catalog, so it never touches
// real data, and a second run does nothing.
import fs from 'node:fs';
import path from 'node:path';
import { createProduct, type CatalogModels } from '../modules/catalog';
import { CampaignInput } from '../contracts/groupbuy';
import { SeckillItemInput, SeckillSessionInput } from '../contracts/seckill';
import type { GroupbuyApi } from '../modules/groupbuy';
import type { SeckillApi } from '../modules/seckill';
import type { AssembledModules } from '../kit/registry';
import { repoPath } from '../platform/repo-paths';
import type { Runtime } from '../platform/runtime';
import { renderPicture, type PictureSpec } from './demo-pictures';

export const DEMO_CATALOG_FILE = repoPath('sql/seed/demo-catalog.json');

interface DemoCatalog {
  categories: { name: string; children: string[] }[];
  products: {
    title: string;
    subtitle: string;
    category: string;
    picture: PictureSpec;
    /** units sold so far (the cards' 已售) */
    sales: number;
    skus: { specs: Record<string, string>; priceFen: number; stock: number }[];
    /** a group buy on this product, running from now on: its size and each SKU's group price (same order) */
    groupbuy?: { size: number; groupPriceFen: number[]; leaderPriceFen?: number[] };
    /** a seckill item on the first SKU: in the session open now, or in the next one */
    seckill?: { priceFen: number; stock: number; perUserLimit?: number; session: 'now' | 'next' };
  }[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export async function seedDemoCatalog(
  rt: Runtime,
  modules: Pick<AssembledModules, 'models' | 'api'>,
): Promise<{ products: number; campaigns: number; seckillItems: number } | undefined> {
  const catalog = modules.models.catalog as CatalogModels;
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
  let campaigns = 0;
  let seckillItems = 0;
  const sessions = await seedSeckillSessions(rt, modules.api('seckill'));
  for (const [i, p] of data.products.entries()) {
    const images: string[] = [];
    for (const variant of [0, 1]) {
      const file = `p${i + 1}-${variant}.webp`;
      fs.writeFileSync(path.join(dir, file), await renderPicture(p.picture, variant));
      images.push(`/uploads/demo/${file}`);
    }
    const created = await createProduct(
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
    await Product.update({ sales: p.sales }, { where: { id: created.id } });
    if (p.groupbuy) {
      await seedCampaign(rt, modules.api('groupbuy'), p.title, created, p.groupbuy);
      campaigns++;
    }
    if (p.seckill) {
      const { session, ...item } = p.seckill;
      await modules
        .api('seckill')
        .addItem(
          { operatorId: null },
          sessions[session],
          SeckillItemInput.parse({ skuId: created.skus[0]!.id, ...item }),
        );
      seckillItems++;
    }
  }
  return { products: data.products.length, campaigns, seckillItems };
}

/** A group buy on a demo product, live from now for 30 days, created (and audited) as an operator's would be. */
async function seedCampaign(
  rt: Runtime,
  groupbuy: GroupbuyApi,
  title: string,
  product: { id: number; skus: { id: number }[] },
  gb: NonNullable<DemoCatalog['products'][number]['groupbuy']>,
): Promise<void> {
  const input = CampaignInput.parse({
    productId: product.id,
    title,
    size: gb.size,
    endsAt: new Date(rt.clock.now().getTime() + 30 * DAY_MS).toISOString(),
    skus: product.skus.map((s, i) => ({
      skuId: s.id,
      groupPriceFen: gb.groupPriceFen[i]!,
      leaderPriceFen: gb.leaderPriceFen?.[i] ?? null,
    })),
  });
  await groupbuy.createCampaign({ operatorId: null }, input);
}

/** Two seckill sessions: the one open now (from this whole hour, 2 h) and the next, right after it. */
async function seedSeckillSessions(rt: Runtime, seckill: SeckillApi): Promise<Record<'now' | 'next', number>> {
  const start = Math.floor(rt.clock.now().getTime() / HOUR_MS) * HOUR_MS;
  const session = (from: number) =>
    seckill
      .createSession(
        { operatorId: null },
        SeckillSessionInput.parse({
          startAt: new Date(from).toISOString(),
          endAt: new Date(from + 2 * HOUR_MS).toISOString(),
        }),
      )
      .then((s) => s.id);
  return { now: await session(start), next: await session(start + 2 * HOUR_MS) };
}

// The data the scenarios run on, made fast and real: the catalog and the campaign through the admin API (the
// operator the server creates from ADMIN_USERNAME/PASSWORD), the buyers and their addresses by bulk SQL, and
// their sessions minted the way SessionTokens.issue does (HS256, audience linli:consumer, sub = user id).
import jwt from 'jsonwebtoken';
import type mysql from 'mysql2/promise';
import type { Admin } from './database';
import { ADMIN, BUYERS, JWT_SECRET, WIDE_PRODUCTS } from './settings';

export interface Buyer {
  userId: number;
  addressId: number;
  token: string;
}

export interface Fixtures {
  /** products of 20 SKUs (a wide order takes one of each SKU of one of them, rotating) */
  wide: { productId: number; skuIds: number[] }[];
  /** one SKU every hot order takes */
  hot: { productId: number; skuId: number };
  /** the group-buy campaign's product and SKU */
  group: { productId: number; skuId: number; campaignId: number };
  buyers: Buyer[];
  adminToken: string;
  /** a session open for the whole run: an item with units for every attempt, and one already sold out */
  seckill: { sessionId: number; itemId: number; skuId: number; soldOutItemId: number; priceFen: number };
}

const BIG_STOCK = 99_000_000;
const image = (n: string) => `https://img.linli.example/bench/${n}.jpg`;

async function api<T>(baseUrl: string, method: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

type Created = { id: number; skus: { id: number }[] };

async function product(baseUrl: string, token: string, title: string, skuCount: number): Promise<Created> {
  return api<Created>(
    baseUrl,
    'POST',
    '/api/admin/v1/products',
    {
      title,
      subtitle: `${title}，产地直发`,
      description: `${title}的详细介绍。`.repeat(20),
      images: [image(`${title}-1`), image(`${title}-2`), image(`${title}-3`)],
      skus: Array.from({ length: skuCount }, (_, k) => ({
        specs: skuCount > 1 ? { 规格: `款式${k + 1}`, 重量: `${(k % 4) + 1}kg` } : {},
        priceFen: 1000 + k * 100,
        stock: BIG_STOCK,
      })),
    },
    token,
  );
}

export async function makeFixtures(baseUrl: string, db: Admin): Promise<Fixtures> {
  const { token: adminToken } = await api<{ token: string }>(baseUrl, 'POST', '/api/admin/v1/auth/login', ADMIN);
  // also what the list's first page shows (20 of them)
  const wide: Created[] = [];
  for (let k = 0; k < WIDE_PRODUCTS; k++) wide.push(await product(baseUrl, adminToken, `压测多规格${k + 1}`, 20));
  const hot = await product(baseUrl, adminToken, '压测爆款', 1);
  const grouped = await product(baseUrl, adminToken, '压测拼团', 1);
  const campaign = await api<{ id: number }>(
    baseUrl,
    'POST',
    '/api/admin/v1/groupbuy/campaigns',
    {
      productId: grouped.id,
      size: 100,
      validityHours: 24,
      skus: [{ skuId: grouped.skus[0]!.id, groupPriceFen: 800, leaderPriceFen: 700 }],
    },
    adminToken,
  );
  const buyers = await makeBuyers(db, BUYERS);
  return {
    wide: wide.map((p) => ({ productId: p.id, skuIds: p.skus.map((s) => s.id) })),
    hot: { productId: hot.id, skuId: hot.skus[0]!.id },
    group: { productId: grouped.id, skuId: grouped.skus[0]!.id, campaignId: campaign.id },
    buyers,
    adminToken,
    seckill: await makeSeckill(baseUrl, adminToken, buyers),
  };
}

const HOUR_MS = 3_600_000;
/** the most units one item may have (SeckillItemInput): more than a run's attempts at any speed seen here */
const SECKILL_UNITS = 100_000;

/**
 * A 24-hour session from this whole hour with two items: one with units for every attempt of the run (limit 99 a
 * buyer), and one whose single unit the first buyer takes here, so that attempts on it meet the sold-out flag.
 */
async function makeSeckill(baseUrl: string, token: string, buyers: Buyer[]): Promise<Fixtures['seckill']> {
  const start = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const session = await api<{ id: number }>(
    baseUrl,
    'POST',
    '/api/admin/v1/seckill/sessions',
    { startAt: new Date(start).toISOString(), endAt: new Date(start + 24 * HOUR_MS).toISOString() },
    token,
  );
  const priceFen = 990;
  const item = async (title: string, stock: number, perUserLimit: number) => {
    const p = await product(baseUrl, token, title, 1);
    const created = await api<{ id: number }>(
      baseUrl,
      'POST',
      `/api/admin/v1/seckill/sessions/${session.id}/items`,
      { skuId: p.skus[0]!.id, priceFen, stock, perUserLimit },
      token,
    );
    return { id: created.id, skuId: p.skus[0]!.id };
  };
  const plenty = await item('压测秒杀', SECKILL_UNITS, 99);
  const gone = await item('压测秒杀·已抢光', 1, 1);
  for (const b of buyers.slice(0, 2)) {
    // the first takes the unit; the second is refused, which sets the server's sold-out flag
    await fetch(`${baseUrl}/api/v1/seckill/items/${gone.id}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${b.token}` },
      body: JSON.stringify({ quantity: 1, addressId: b.addressId }),
    });
  }
  return { sessionId: session.id, itemId: plenty.id, skuId: plenty.skuId, soldOutItemId: gone.id, priceFen };
}

/** `count` consumers, each with one default address, inserted in batches; tokens signed like SessionTokens. */
async function makeBuyers(db: Admin, count: number): Promise<Buyer[]> {
  const BATCH = 1000;
  for (let from = 0; from < count; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => [
      `买家${from + k + 1}`,
      `139${String(from + k).padStart(8, '0')}`,
    ]);
    await db.query('INSERT INTO users (nickname, phone, created_at, updated_at) VALUES ?', [
      rows.map(([nickname, phone]) => [nickname, phone, new Date(), new Date()]),
    ]);
  }
  const [users] = await db.query<mysql.RowDataPacket[]>(
    'SELECT id FROM users WHERE nickname LIKE ? ORDER BY id LIMIT ?',
    ['买家%', count],
  );
  const ids = users.map((u) => Number(u.id));
  for (let from = 0; from < ids.length; from += BATCH) {
    const now = new Date();
    await db.query(
      `INSERT INTO addresses (user_id, name, phone, province, city, district, detail, is_default, created_at, updated_at)
       VALUES ?`,
      [
        ids
          .slice(from, from + BATCH)
          .map((id) => [id, '收货人', '13800138000', '浙江省', '杭州市', '西湖区', `文三路 ${id} 号`, 1, now, now]),
      ],
    );
  }
  const [addresses] = await db.query<mysql.RowDataPacket[]>('SELECT id, user_id FROM addresses ORDER BY user_id');
  const addressOf = new Map(addresses.map((a) => [Number(a.user_id), Number(a.id)]));
  return ids.map((userId) => ({ userId, addressId: addressOf.get(userId)!, token: consumerToken(userId) }));
}

/** What SessionTokens.issue signs for a consumer (platform/session-tokens.ts), with the server's secret. */
export function consumerToken(userId: number): string {
  return jwt.sign({}, JWT_SECRET, {
    algorithm: 'HS256',
    audience: 'linli:consumer',
    subject: String(userId),
    expiresIn: 24 * 3600,
  });
}

/**
 * What the leaders' payments would do (order.paid → groupbuy lifecycle `memberPaid`): every pending group of the
 * campaign opens for 24 h with its leader's seat paid, so the join scenario has open groups with room.
 * Returns the open groups' codes with their leaders.
 */
export async function openPendingGroups(db: Admin, campaignId: number): Promise<{ code: string; leader: number }[]> {
  await db.query(
    `UPDATE orders o JOIN groupbuy_members m ON m.order_id = o.id AND m.is_leader = 1
        SET o.status = 'awaiting_group', o.paid_fen = o.payable_fen, o.paid_at = NOW(3),
            m.status = 'paid', m.paid_at = NOW(3)
      WHERE m.campaign_id = ? AND o.status = 'pending_payment'`,
    [campaignId],
  );
  await db.query(
    `UPDATE groupbuy_groups SET status = 'open', paid_count = 1, opened_at = NOW(3),
            expires_at = NOW(3) + INTERVAL 1 DAY
      WHERE campaign_id = ? AND status = 'pending'`,
    [campaignId],
  );
  const [rows] = await db.query<mysql.RowDataPacket[]>(
    `SELECT code, leader_user_id FROM groupbuy_groups WHERE campaign_id = ? AND status = 'open' ORDER BY id`,
    [campaignId],
  );
  return rows.map((r) => ({ code: String(r.code), leader: Number(r.leader_user_id) }));
}

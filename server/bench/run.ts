// `npm run bench`: throughput of the hot write paths on MariaDB + Redis, reported as ratios against a baseline
// measured in the same run on the same machine (GET /healthz through the same HTTP stack), never absolute times.
import { startTestServer, adminLogin, wechatLogin, type TestServer } from '../test/support/harness';

const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);

async function measure(
  name: string,
  op: (i: number) => Promise<boolean>,
): Promise<{ name: string; perSec: number; errors: number }> {
  let done = 0;
  let errors = 0;
  let i = 0;
  const until = Date.now() + DURATION_MS;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const ok = await op(i++).catch(() => false);
        if (ok) done++;
        else errors++;
      }
    }),
  );
  return { name, perSec: (done * 1000) / (Date.now() - start), errors };
}

async function main() {
  const t: TestServer = await startTestServer({
    mode: (process.env.BENCH_MODE as 'services' | 'embedded') ?? 'services',
  });
  try {
    const admin = await adminLogin(t);
    const product = await t.api('POST', '/api/admin/v1/products', {
      token: admin,
      body: { title: '压测商品', skus: [{ priceFen: 1000, stock: 1_000_000 }] },
    });
    const skuId = product.body.skus[0].id as number;
    const buyers = await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, k) => {
        const { token } = await wechatLogin(t, `bench${k}`);
        const addr = await t.api('POST', '/api/v1/addresses', {
          token,
          body: {
            name: '压测',
            phone: '13800138000',
            province: '浙江省',
            city: '杭州市',
            district: '西湖区',
            detail: '1 号',
          },
        });
        return { token, addressId: addr.body.id as number };
      }),
    );
    const campaign = await t.api('POST', '/api/admin/v1/groupbuy/campaigns', {
      token: admin,
      body: { productId: product.body.id, size: 100, skus: [{ skuId, groupPriceFen: 800 }] },
    });

    const results = [
      await measure('GET /healthz (baseline)', async () => (await fetch(`${t.baseUrl}/healthz`)).ok),
      await measure(
        'GET /api/v1/products/:id',
        async () => (await fetch(`${t.baseUrl}/api/v1/products/${product.body.id}`)).ok,
      ),
      await measure('POST /api/v1/checkout/preview', async (i) => {
        const b = buyers[i % buyers.length]!;
        return (
          (
            await t.api('POST', '/api/v1/checkout/preview', {
              token: b.token,
              body: { items: [{ skuId, quantity: 1 }] },
            })
          ).status === 200
        );
      }),
      await measure('POST /api/v1/orders (stock reservation)', async (i) => {
        const b = buyers[i % buyers.length]!;
        return (
          (
            await t.api('POST', '/api/v1/orders', {
              token: b.token,
              body: { items: [{ skuId, quantity: 1 }], addressId: b.addressId },
            })
          ).status === 201
        );
      }),
      await measure('POST /api/v1/groupbuy/groups (open a group)', async (i) => {
        const b = buyers[i % buyers.length]!;
        const res = await t.api('POST', '/api/v1/groupbuy/groups', {
          token: b.token,
          body: { campaignId: campaign.body.id, skuId, addressId: b.addressId },
        });
        return res.status === 201;
      }),
    ];
    const base = results[0]!.perSec;
    console.log(
      `\nLinli bench (${t.mode}, ${CONCURRENCY} concurrent clients, ${DURATION_MS} ms each; ratios vs the baseline)\n`,
    );
    for (const r of results) {
      console.log(
        `${r.name.padEnd(48)} ${(r.perSec / base).toFixed(3).padStart(7)} × baseline${r.errors ? `   (${r.errors} refused)` : ''}`,
      );
    }
  } finally {
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

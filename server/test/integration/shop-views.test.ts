// What shoppers and operators are shown matches what the server charges and keeps private: a campaign's quotes
// (leader and member, shipping included) equal the orders' payable amounts; the operators' order list names the
// buyer by nickname and masked phone and never carries the full number.
import { adminLogin, startTestServer, type TestServer } from '../support/harness';
import { buyer, createProduct, payAndSettle, placeOrder } from '../support/shop';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await adminLogin(t);
});
afterAll(() => t.close());

it('a campaign quotes each role what its order then charges, shipping included', async () => {
  const p = await createProduct(t, admin, 10, 5990);
  const campaign = await t.api('POST', '/api/admin/v1/groupbuy/campaigns', {
    token: admin,
    body: { productId: p.productId, size: 2, skus: [{ skuId: p.skuId, groupPriceFen: 2990, leaderPriceFen: 2590 }] },
  });
  const detail = await t.api('GET', `/api/v1/groupbuy/campaigns/${campaign.body.id}`);
  expect(detail.body.quotes).toEqual([
    {
      skuId: p.skuId,
      leader: { unitPriceFen: 2590, shippingFen: 800, payableFen: 3390 },
      member: { unitPriceFen: 2990, shippingFen: 800, payableFen: 3790 },
    },
  ]);

  const leader = await buyer(t, 'quoteleader');
  const opened = await t.api('POST', '/api/v1/groupbuy/groups', {
    token: leader.token,
    body: { campaignId: campaign.body.id, skuId: p.skuId, addressId: leader.addressId },
  });
  expect(opened.body.order.payableFen).toBe(3390);
  await payAndSettle(t, leader.token, opened.body.order.id); // the group opens once its leader has paid
  const joiner = await buyer(t, 'quotejoiner');
  const joined = await t.api('POST', `/api/v1/groupbuy/groups/${opened.body.group.code}/join`, {
    token: joiner.token,
    body: { skuId: p.skuId, addressId: joiner.addressId },
  });
  expect(joined.body.order.payableFen).toBe(3790);
});

it('the operators’ order list names the buyer with a masked phone, never the full number', async () => {
  const p = await createProduct(t, admin, 10, 1000);
  const u = await buyer(t, 'maskedbuyer');
  await t.models.identity.User.update({ phone: '13912345678' }, { where: { id: u.userId } });
  const order = await placeOrder(t, u, p.skuId);
  const list = await t.api('GET', `/api/admin/v1/orders?orderNo=${order.orderNo}`, { token: admin });
  expect(list.status).toBe(200);
  const nickname = (await t.models.identity.User.findByPk(u.userId))!.getDataValue('nickname');
  expect(list.body.items[0]).toMatchObject({ userId: u.userId, buyer: { nickname, maskedPhone: '139****5678' } });
  expect(JSON.stringify(list.body)).not.toContain('13912345678');
  // a buyer without a phone (a WeChat login) is listed by nickname alone
  const w = await buyer(t, 'nophonebuyer');
  const o2 = await placeOrder(t, w, p.skuId);
  const list2 = await t.api('GET', `/api/admin/v1/orders?orderNo=${o2.orderNo}`, { token: admin });
  expect(list2.body.items[0].buyer).toMatchObject({ maskedPhone: null });
});

// POST /api/v1/groupbuy/groups (open, captured/group-open.sql, 22 statements) and …/groups/{code}/join
// (captured/group-join.sql, 24 statements) replayed: the order's statements inside the group's, then the view.
import { randomBytes } from 'node:crypto';
import { eligibleCampaign, findGroup, groupView, holds, insertGroup, insertMember, takeSeat } from './group-statements';
import { beginWithKey, finishWithKey, placeOrderIn, readAddress } from './order-statements';
import type { Replay } from './types';

const campaignTag = (campaignId: number) => JSON.stringify({ kind: 'groupbuy', campaignId, stacking: 'exclusive' });
/** a group code like shareCode(10): [0-9A-Za-z], unique */
const newCode = () => randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 10);

export const groupOpen: Replay = {
  name: 'group-open',
  async run(conn, req, data) {
    const { campaignId, skuId } = data.group;
    const address = await readAddress(conn, req);
    const keyRow = await beginWithKey(conn, req, 'groupbuy.open', {
      campaignId,
      skuId,
      addressId: req.buyer.addressId,
    });
    const e = await eligibleCampaign(conn, campaignId, skuId);
    const code = newCode();
    const groupId = await insertGroup(conn, code, campaignId, req.buyer.userId, Number(e.campaign.size));
    const order = await placeOrderIn(conn, req, address, [{ skuId, quantity: 1 }], {
      kind: 'groupbuy',
      unitPriceFen: Number(e.price.leaderPriceFen ?? e.price.groupPriceFen),
      campaignJson: campaignTag(campaignId),
      shippingFen: 800,
    });
    await insertMember(conn, { groupId, campaignId, userId: req.buyer.userId, orderId: order.id, isLeader: true });
    await finishWithKey(conn, keyRow, { groupCode: code, order, routed: false });
    await groupView(conn, code);
  },
};

/** Joins: buyer and group rotate so that no buyer takes a second seat in one group (the unique seat index). */
export const groupJoin: Replay = {
  name: 'group-join',
  async run(conn, req, data) {
    const { skuId } = data.group;
    const rounds = Math.floor(req.n / data.buyers.length);
    const code = data.groups[(req.n + rounds) % data.groups.length]!.code;
    const address = await readAddress(conn, req);
    const keyRow = await beginWithKey(conn, req, 'groupbuy.join', { skuId, addressId: req.buyer.addressId });
    const asked = await findGroup(conn, code);
    if (!asked) throw new Error(`no group ${code}`);
    if (Number(asked.leaderUserId) === req.buyer.userId || (await holds(conn, Number(asked.id), req.buyer.userId)))
      throw new Error('already in the group');
    const e = await eligibleCampaign(conn, Number(asked.campaignId), skuId);
    await takeSeat(conn, Number(asked.id));
    const order = await placeOrderIn(conn, req, address, [{ skuId, quantity: 1 }], {
      kind: 'groupbuy',
      unitPriceFen: Number(e.price.groupPriceFen),
      campaignJson: campaignTag(Number(asked.campaignId)),
      shippingFen: 800,
    });
    const groupId = Number(asked.id);
    await insertMember(conn, {
      groupId,
      campaignId: Number(asked.campaignId),
      userId: req.buyer.userId,
      orderId: order.id,
      isLeader: false,
    });
    await finishWithKey(conn, keyRow, { groupCode: code, order, routed: false });
    await groupView(conn, code);
  },
};

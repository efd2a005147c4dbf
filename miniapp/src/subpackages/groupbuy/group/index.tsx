import { useCallback, useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Address, CampaignDetail, Group } from '@contracts';
import QRCode from 'qrcode';
import AddressPicker from '../../../components/AddressPicker';
import { API_BASE, resolveAsset } from '../../../services/env';
import { getCampaign, getGroup, joinGroup, myGroups, openGroup } from '../../../services/groupbuy';
import { isLoggedIn } from '../../../services/auth';
import { requireLogin } from '../../../services/guard';
import { takeAction, type PendingAction } from '../../../services/pending-action';
import { formatFen, formatPriceTag, statusLabel } from '@display';
import { useSubmit } from '../../../hooks/useSubmit';
import { countdown, groupCodeFrom, specsLabel } from '../../../services/labels';
import { payOrder } from '../../../services/payment';
import { getCachedUser } from '../../../services/session';
import { seatSlots } from './seats';
import SeatPrice, { viewerRole } from './SeatPrice';
import LineImage from '../../../components/LineImage';
import PriceTagView from '../../../components/PriceTag';
import '../../../components/shop.css';
import './index.css';

type JoinAction = Extract<PendingAction, { kind: 'join_group' }>;
const pagePath = (code: string) => `/subpackages/groupbuy/group/index?code=${code}`;

/**
 * The group page, also the share page: members and empty seats, the countdown, inviting, and joining. Opened with
 * `code` (or a weapp QR `scene=g=<code>`), or with `open=<campaignId>&sku=<skuId>` to open a new group.
 */
export default function GroupPage() {
  const params = useRouter().params;
  const [code, setCode] = useState<string | null>(groupCodeFrom(params));
  const openCampaign = Number(params.open) || null;
  const [group, setGroup] = useState<Group | null>(null);
  const [campaign, setCampaign] = useState<CampaignDetail | null>(null);
  const [myOrderId, setMyOrderId] = useState<{ id: number; status: string } | null>(null);
  const [address, setAddress] = useState<Address | null>(null);
  const [skuId, setSkuId] = useState<number | null>(Number(params.sku) || null);
  const [joining, setJoining] = useState(!!openCampaign);
  const [poster, setPoster] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  // opening or joining is one intent: one Idempotency-Key across retries, the button busy while it runs
  const { submit: take, busy } = useSubmit();

  const load = useCallback(async () => {
    if (code) {
      const g = await getGroup(code);
      setGroup(g);
      setCampaign(await getCampaign(g.campaignId));
      if (getCachedUser()) {
        const mine = await myGroups().catch(() => null);
        const m = mine?.items.find((x) => x.code === code);
        setMyOrderId(m ? { id: m.orderId, status: m.orderStatus } : null);
      }
    } else if (openCampaign) {
      setCampaign(await getCampaign(openCampaign));
    }
  }, [code, openCampaign]);
  useDidShow(() => {
    void load();
    // back from the login 去参团 sent the visitor to: the join sheet opens as tapped
    const joinedFor = code && isLoggedIn() ? takeAction((a): a is JoinAction => a.kind === 'join_group') : null;
    if (joinedFor?.code === code) setJoining(true);
  });
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const memberPrice = campaign?.prices?.member;
  useShareAppMessage(() => ({
    title: group
      ? // whoever opens the link would join: the member price, not the leader's
        `还差${group.seatsLeft}人，${memberPrice ? formatPriceTag(memberPrice, formatFen) : ''}一起拼「${group.title}」`
      : '邻里拼团',
    path: code ? pagePath(code) : '/subpackages/groupbuy/list/index',
    imageUrl: group?.image ? resolveAsset(group.image) : undefined,
  }));

  const invite = async () => {
    if (!code) return;
    if (process.env.TARO_ENV === 'h5') {
      const link = `${window.location.origin}${window.location.pathname}#${pagePath(code)}`;
      setPoster(await QRCode.toDataURL(link, { margin: 1, width: 360 }));
      void Taro.setClipboardData({ data: link });
    } else {
      // the mini-program code from getwxacodeunlimit (scene g=<code>), drawn by the server
      setPoster(`${API_BASE}/api/v1/groupbuy/groups/${code}/wxacode`);
    }
  };

  const me = getCachedUser();
  const mine = group && me ? group.members.find((m) => m.userId === me.id) : undefined;
  const isMember = !!mine;
  const slots = group ? seatSlots(group.members, group.size) : [];
  // what THIS viewer pays, priced by the server as the order will be: an opener pays the leader price, a joiner
  // the group price; a member sees the price of the seat they hold
  const role = viewerRole(!!openCampaign, mine);
  const quote = campaign?.quotes.find((q) => q.skuId === (skuId ?? campaign.skus[0]?.skuId)) ?? null;

  const submit = async () => {
    if (!requireLogin() || !campaign) return;
    if (!address) return void Taro.showToast({ title: '请先填写收货地址', icon: 'none' });
    const sku = skuId ?? campaign.skus[0]?.skuId;
    if (!sku) return;
    await take(async (key) => {
      const res =
        code && !openCampaign
          ? await joinGroup(code, sku, address.id, key)
          : await openGroup(campaign.id, sku, address.id, key);
      if (res.routed) void Taro.showToast({ title: '原团已满，已为你换到另一个团', icon: 'none' });
      setCode(res.group.code);
      setJoining(false);
      const next = pagePath(res.group.code);
      // the seat is taken whatever the payment does: a cancelled payment is paid later from this page
      const paid = await payOrder(res.order.id, next).then(
        () => true,
        () => false,
      );
      if (paid && process.env.TARO_ENV !== 'h5') void Taro.redirectTo({ url: next });
    });
  };

  return (
    <View className="shop-page gb-page">
      {campaign && (
        <View className="shop-card gb-product">
          <View className="shop-line">
            <LineImage src={campaign.image} />
            <View className="shop-line__body">
              <Text className="shop-line__title">{campaign.title}</Text>
              <Text className="shop-row__muted">{campaign.size}人团</Text>
              {quote ? (
                <SeatPrice quote={quote} role={role} />
              ) : (
                campaign.prices && <PriceTagView tag={campaign.prices.member} label="拼团价" size="small" />
              )}
            </View>
          </View>
        </View>
      )}

      {group && (
        <View className="shop-card gb-group">
          <Text className={`gb-status gb-status--${group.status}`}>{statusLabel('group', group.status)}</Text>
          {group.status === 'open' && group.expiresAt && (
            <Text className="shop-row__muted">
              还差 <Text className="shop-price">{group.seatsLeft}</Text> 人，剩余{' '}
              <Text className="gb-countdown">{countdown(group.expiresAt, now)}</Text>
            </Text>
          )}
          <View className="gb-members">
            {slots.map((m, i) =>
              m ? (
                <View className={`gb-member ${m.paid ? '' : 'gb-member--unpaid'}`} key={`m${m.userId}`}>
                  {m.avatar ? (
                    <Image className="gb-member__avatar" src={resolveAsset(m.avatar)} />
                  ) : (
                    <Text className="gb-member__avatar gb-member__avatar--text">{m.nickname.slice(0, 1)}</Text>
                  )}
                  {m.isLeader && <Text className="gb-member__leader">团长</Text>}
                  <Text className="gb-member__name">{m.paid ? m.nickname : '待支付'}</Text>
                </View>
              ) : (
                <View className="gb-member gb-member--empty" key={`e${i}`}>
                  <Text className="gb-member__avatar gb-member__avatar--empty">?</Text>
                </View>
              ),
            )}
          </View>
          {poster && <Image className="gb-poster" src={poster} mode="aspectFit" />}
        </View>
      )}

      {joining && campaign && (
        <>
          {campaign.skus.length > 1 && (
            <View className="shop-card">
              <Text className="shop-card__title">选择规格</Text>
              <View className="gb-skus">
                {campaign.skus.map((s) => (
                  <Text
                    key={s.skuId}
                    className={`sku-chip ${skuId === s.skuId ? 'sku-chip--active' : ''}`}
                    onClick={() => setSkuId(s.skuId)}
                  >
                    {specsLabel(s.specs, '默认')}{' '}
                    {formatFen(
                      campaign.quotes.find((q) => q.skuId === s.skuId)?.[role].unitPriceFen ?? s.groupPriceFen,
                    )}
                  </Text>
                ))}
              </View>
            </View>
          )}
          <AddressPicker value={address} onChange={setAddress} />
        </>
      )}

      <View className="shop-bar">
        {group && (isMember || group.status !== 'open') ? (
          <>
            {myOrderId?.status === 'pending_payment' && (
              <Button
                className="gb-pay"
                size="small"
                type="primary"
                onClick={() => void payOrder(myOrderId.id, pagePath(group.code))}
              >
                去支付
              </Button>
            )}
            {group.status === 'open' && (
              <Button className="gb-invite" type="primary" shape="round" onClick={() => void invite()}>
                邀请好友参团
              </Button>
            )}
            {group.status !== 'open' && (
              <Button shape="round" onClick={() => void Taro.navigateTo({ url: '/subpackages/groupbuy/list/index' })}>
                看看其他拼团
              </Button>
            )}
          </>
        ) : joining ? (
          <Button
            className="gb-submit"
            type="primary"
            shape="round"
            loading={busy}
            disabled={busy}
            onClick={() => void submit()}
          >
            {openCampaign ? '开团并支付' : '参团并支付'}
            {quote ? ` ${formatFen(quote[role].payableFen)}` : ''}
          </Button>
        ) : (
          <Button
            className="gb-join"
            type="primary"
            shape="round"
            onClick={() => code && requireLogin({ kind: 'join_group', code }) && setJoining(true)}
          >
            参加拼团
          </Button>
        )}
      </View>
    </View>
  );
}

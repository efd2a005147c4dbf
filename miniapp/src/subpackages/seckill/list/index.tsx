import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { SeckillSession, SeckillShopItem } from '@contracts';
import { SECKILL_ACTION_LABELS, SECKILL_SESSION_LABELS, formatShanghaiTime, seckillAction } from '@display';
import { countdown } from '../../../services/labels';
import { isLoggedIn } from '../../../services/auth';
import { requireLogin } from '../../../services/guard';
import {
  clockOffset,
  forgetReminder,
  listSessions,
  myReminders,
  remindersSupported,
  remindMe,
  sessionItems,
} from '../../../services/seckill';
import ItemLine from '../ItemLine';
import '../../../components/shop.css';
import '../seckill.css';

/** The session a visitor lands on: the one open now, else the next to come, else the last one. */
function landingSession(sessions: SeckillSession[]): SeckillSession | undefined {
  return (
    sessions.find((s) => s.status === 'open') ??
    sessions.find((s) => s.status === 'upcoming') ??
    sessions[sessions.length - 1]
  );
}

/** 限时秒杀: today's sessions as tabs, the chosen session's items with their countdown and units left. */
export default function SeckillList() {
  const [sessions, setSessions] = useState<SeckillSession[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [items, setItems] = useState<SeckillShopItem[] | null>(null);
  const [offset, setOffset] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [visible, setVisible] = useState(true);
  // 提醒我 (weapp): the items this shopper asked to be reminded of, and the template WeChat asks consent for
  const [reminders, setReminders] = useState<{ itemIds: number[]; templateId: string } | null>(null);

  const load = () =>
    void listSessions().then((r) => {
      setOffset(clockOffset(r.now));
      setSessions(r.items);
      setChosen((c) => (c !== null && r.items.some((s) => s.id === c) ? c : (landingSession(r.items)?.id ?? null)));
    });
  useDidShow(() => {
    setVisible(true);
    load();
    if (remindersSupported() && isLoggedIn()) void myReminders().then(setReminders);
  });
  const toggleReminder = async (itemId: number) => {
    if (!requireLogin()) return;
    const mine = reminders ?? (await myReminders());
    if (mine.itemIds.includes(itemId)) {
      await forgetReminder(itemId);
      setReminders({ ...mine, itemIds: mine.itemIds.filter((i) => i !== itemId) });
      return;
    }
    if (!(await remindMe(itemId, mine.templateId))) {
      void Taro.showToast({ title: '允许通知后才能提醒你', icon: 'none' });
      return;
    }
    setReminders({ ...mine, itemIds: [...mine.itemIds, itemId] });
    void Taro.showToast({ title: '开抢前会通知你', icon: 'none' });
  };
  useDidHide(() => setVisible(false));
  useEffect(() => {
    if (chosen === null) return;
    setItems(null);
    void sessionItems(chosen).then((r) => setItems(r.items));
  }, [chosen]);
  useEffect(() => {
    if (!visible) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [visible]);

  const session = sessions?.find((s) => s.id === chosen);
  const businessNow = now + offset;
  // a countdown that reached its end: the session moved on, ask the server what it is now
  const due = session && new Date(session.status === 'upcoming' ? session.startAt : session.endAt).getTime();
  useEffect(() => {
    if (due && session?.status !== 'ended' && businessNow >= due) load();
  }, [due !== undefined && businessNow >= (due ?? 0)]); // eslint-disable-line react-hooks/exhaustive-deps

  if (sessions?.length === 0) return <View className="shop-empty">今天没有秒杀场次</View>;

  return (
    <View className="shop-page sk-list">
      <View className="shop-tabs sk-tabs" role="tablist">
        {sessions?.map((s) => (
          <View
            key={s.id}
            role="tab"
            aria-selected={s.id === chosen}
            className={`sk-tab ${s.id === chosen ? 'sk-tab--active' : ''}`}
            data-session={s.id}
            onClick={() => setChosen(s.id)}
          >
            <Text className="sk-tab__time">{formatShanghaiTime(s.startAt)}</Text>
            <Text className="sk-tab__state">{SECKILL_SESSION_LABELS[s.status]}</Text>
          </View>
        ))}
      </View>
      {session && session.status !== 'ended' && (
        <View className="sk-countdown">
          <Text>{session.status === 'open' ? '距本场结束' : '距开抢还有'}</Text>
          <Text className="sk-countdown__clock">
            {countdown(session.status === 'open' ? session.endAt : session.startAt, businessNow)}
          </Text>
        </View>
      )}
      {items?.length === 0 && <View className="shop-empty">本场暂无商品</View>}
      {session &&
        items?.map((i) => {
          const action = seckillAction(session.status, i.remaining);
          return (
            <View key={i.id} className="shop-card sk-item" data-item={i.id}>
              <ItemLine item={i}>
                {action === 'grab' ? (
                  <Button
                    className="sk-grab"
                    type="primary"
                    size="small"
                    shape="round"
                    onClick={() =>
                      void Taro.navigateTo({
                        url: `/subpackages/seckill/grab/index?item=${i.id}&session=${i.sessionId}`,
                      })
                    }
                  >
                    立即抢购
                  </Button>
                ) : action === 'remind' && remindersSupported() ? (
                  <Button className="sk-remind" size="small" shape="round" onClick={() => void toggleReminder(i.id)}>
                    {reminders?.itemIds.includes(i.id) ? '已设提醒' : '提醒我'}
                  </Button>
                ) : (
                  <Text className={`sk-state sk-state--${action}`}>{SECKILL_ACTION_LABELS[action]}</Text>
                )}
              </ItemLine>
            </View>
          );
        })}
    </View>
  );
}

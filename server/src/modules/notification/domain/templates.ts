// What we tell users, as WeChat subscribe-message templates: each event names its template and builds the
// template's `data` from plain facts. Pure; the keys follow the template library's field names.
import { formatFen } from '../../../kernel/money';

export type UserEvent = 'order_shipped' | 'refund_succeeded' | 'group_succeeded' | 'group_failed' | 'seckill_starting';

export interface EventFacts {
  order_shipped: { orderNo: string; title: string; carrier: string; trackingNo: string };
  refund_succeeded: { orderNo: string; amountFen: number; reason: string };
  group_succeeded: { title: string; size: number; code: string };
  group_failed: { title: string; amountFen: number; code: string };
  /** 提醒我: `startsAt` is Shanghai wall-clock "2026-12-08 10:00" */
  seckill_starting: { title: string; startsAt: string; priceFen: number; itemId: number; sessionId: number };
}

/** `thing` fields take at most 20 characters in WeChat's templates. */
const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

export const TEMPLATES: {
  [E in UserEvent]: { page: (f: EventFacts[E]) => string; data: (f: EventFacts[E]) => Record<string, string> };
} = {
  order_shipped: {
    page: () => 'subpackages/order/list/index',
    data: (f) => ({
      character_string1: f.orderNo,
      thing2: thing(f.title),
      thing3: thing(f.carrier),
      character_string4: f.trackingNo,
    }),
  },
  refund_succeeded: {
    page: () => 'subpackages/order/list/index',
    data: (f) => ({ character_string1: f.orderNo, amount2: formatFen(f.amountFen), thing3: thing(f.reason) }),
  },
  group_succeeded: {
    page: (f) => `subpackages/groupbuy/group/index?code=${f.code}`,
    data: (f) => ({ thing1: thing(f.title), number2: String(f.size), thing3: '拼团成功，商家将尽快发货' }),
  },
  group_failed: {
    page: (f) => `subpackages/groupbuy/group/index?code=${f.code}`,
    data: (f) => ({ thing1: thing(f.title), amount2: formatFen(f.amountFen), thing3: '拼团未成功，款项将原路退回' }),
  },
  seckill_starting: {
    page: (f) => `subpackages/seckill/grab/index?item=${f.itemId}&session=${f.sessionId}`,
    data: (f) => ({
      thing1: thing(f.title),
      time2: f.startsAt,
      amount3: formatFen(f.priceFen),
      thing4: '秒杀即将开抢，点击去抢购',
    }),
  },
};

export function renderMessage<E extends UserEvent>(event: E, facts: EventFacts[E]) {
  const t = TEMPLATES[event];
  return {
    page: t.page(facts),
    data: Object.fromEntries(Object.entries(t.data(facts)).map(([k, value]) => [k, { value }])),
  };
}

import Taro from '@tarojs/taro';

/**
 * What a visitor tapped before login sent them away (加入购物车, 立即购买, 发起拼团, 去参团): kept while they log in
 * and carried out by the page they return to, so the tap is not lost. Only for a few minutes, and only once.
 */
export type PendingAction =
  | { kind: 'add_to_cart'; productId: number; skuId: number; quantity: number }
  | { kind: 'buy_now'; productId: number; skuId: number; quantity: number }
  | { kind: 'open_group'; productId: number; campaignId: number; skuId: number }
  | { kind: 'join_group'; code: string };

const KEY = 'linli.pendingAction';
const KEEP_MS = 10 * 60_000;

export function rememberAction(action: PendingAction): void {
  Taro.setStorageSync(KEY, { action, at: Date.now() });
}

export function forgetAction(): void {
  Taro.removeStorageSync(KEY);
}

/** The remembered action if it is one `matches` accepts (and still fresh); it is forgotten as it is taken. */
export function takeAction<A extends PendingAction>(matches: (a: PendingAction) => a is A): A | null {
  let saved: unknown;
  try {
    saved = Taro.getStorageSync(KEY);
  } catch {
    return null;
  }
  if (!saved || typeof saved !== 'object') return null;
  const { action, at } = saved as { action?: PendingAction; at?: number };
  if (!action || typeof at !== 'number' || Date.now() - at > KEEP_MS) {
    forgetAction();
    return null;
  }
  if (!matches(action)) return null;
  forgetAction();
  return action;
}

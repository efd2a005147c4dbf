import Taro from '@tarojs/taro';
import type { ConsumerUser } from '@contracts';

/** The consumer session: a bearer token (and the user it belongs to) kept in platform storage. */
const TOKEN_KEY = 'linli.token';
const USER_KEY = 'linli.user';
/** Fired (via Taro.eventCenter) whenever the session starts or ends. */
export const SESSION_CHANGED = 'linli:session-changed';

export function getToken(): string {
  try {
    const token: unknown = Taro.getStorageSync(TOKEN_KEY);
    return typeof token === 'string' ? token : '';
  } catch {
    return '';
  }
}

export function getCachedUser(): ConsumerUser | null {
  try {
    const user: unknown = Taro.getStorageSync(USER_KEY);
    return user && typeof user === 'object' ? (user as ConsumerUser) : null;
  } catch {
    return null;
  }
}

export function saveSession(token: string, user: ConsumerUser): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  Taro.setStorageSync(USER_KEY, user);
  Taro.eventCenter.trigger(SESSION_CHANGED, true);
}

export function saveUser(user: ConsumerUser): void {
  Taro.setStorageSync(USER_KEY, user);
}

export function clearSession(): void {
  const had = !!getToken();
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(USER_KEY);
  if (had) Taro.eventCenter.trigger(SESSION_CHANGED, false);
}

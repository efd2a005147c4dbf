import Taro from '@tarojs/taro';
import type { ConsumerUser, LoginResponse, SmsCodeResponse } from '@contracts';
import { get, post } from './request';
import { clearSession, getToken, saveSession, saveUser } from './session';

/**
 * Login, with the platform differences hidden here (process.env.TARO_ENV is a build-time constant, so each
 * build only carries its own branch):
 * - weapp:  Taro.login() → wx.login code → POST /api/v1/auth/wechat/login {code}
 * - alipay: Taro.login() (my.getAuthCode underneath, result in res.code), falling back to
 *           my.getAuthCode({scopes:'auth_base'}) → POST /api/v1/auth/alipay/login {code}
 * - h5:     no platform login; phone + SMS code (sendSmsCode, phoneLogin)
 */
export type LoginMode = 'platform' | 'phone';
export const loginMode: LoginMode = process.env.TARO_ENV === 'h5' ? 'phone' : 'platform';
export const platformName: string =
  process.env.TARO_ENV === 'weapp' ? '微信' : process.env.TARO_ENV === 'alipay' ? '支付宝' : '';

export function isLoggedIn(): boolean {
  return !!getToken();
}

async function alipayAuthCode(): Promise<string> {
  try {
    const res = (await Taro.login()) as { code?: string; authCode?: string };
    const code = res.code || res.authCode;
    if (code) return code;
  } catch {
    /* fall through to the native API */
  }
  if (Taro.getEnv() === Taro.ENV_TYPE.ALIPAY && typeof my !== 'undefined') {
    return new Promise<string>((resolve, reject) => {
      my.getAuthCode({
        scopes: 'auth_base',
        success: (res) => (res.authCode ? resolve(res.authCode) : reject(new Error('支付宝未返回授权码'))),
        fail: (err) => reject(err instanceof Error ? err : new Error('支付宝授权失败')),
      });
    });
  }
  throw new Error('支付宝授权失败');
}

/** One-tap login inside the WeChat / Alipay mini-program. */
export async function platformLogin(): Promise<LoginResponse> {
  let res: LoginResponse;
  if (process.env.TARO_ENV === 'weapp') {
    const { code } = await Taro.login();
    if (!code) throw new Error('微信登录失败，请重试');
    res = await post<LoginResponse>('/api/v1/auth/wechat/login', { code });
  } else if (process.env.TARO_ENV === 'alipay') {
    const code = await alipayAuthCode();
    res = await post<LoginResponse>('/api/v1/auth/alipay/login', { code });
  } else {
    throw new Error('请使用手机号登录');
  }
  saveSession(res.token, res.user);
  return res;
}

/**
 * Whether the server runs in sandbox mode: its sandbox controls answer (`GET /sandbox/clock`), which a server
 * outside sandbox mode does not mount (404).
 */
export async function serverIsSandbox(): Promise<boolean> {
  try {
    await get('/sandbox/clock', undefined, { silent: true });
    return true;
  } catch {
    return false;
  }
}

/** Sandbox names for the WeChat login simulator: what follows `sim_` in the code (letters, digits, _ and -). */
export const SANDBOX_NAME_RE = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * H5 in sandbox mode: the WeChat login a mini-program does, with the simulator's code `sim_<name>` (the start log
 * names it) in place of a `wx.login` code. The same name signs in as the same WeChat user on every device.
 */
export async function sandboxWechatLogin(name: string): Promise<LoginResponse> {
  const res = await post<LoginResponse>('/api/v1/auth/wechat/login', { code: `sim_${name}` });
  saveSession(res.token, res.user);
  return res;
}

/** H5: ask for an SMS code. In sandbox mode the response carries the code itself (`sandboxCode`). */
export function sendSmsCode(phone: string): Promise<SmsCodeResponse> {
  return post<SmsCodeResponse>('/api/v1/auth/h5/sms-code', { phone });
}

/** H5: phone + SMS code login. */
export async function phoneLogin(phone: string, code: string): Promise<LoginResponse> {
  const res = await post<LoginResponse>('/api/v1/auth/h5/login', { phone, code });
  saveSession(res.token, res.user);
  return res;
}

/** The signed-in user (`GET /api/v1/me`); null (and the session dropped) when the token is no longer valid. */
export async function fetchMe(): Promise<ConsumerUser | null> {
  if (!getToken()) return null;
  try {
    const body = await get<ConsumerUser | { user: ConsumerUser }>('/api/v1/me', undefined, { silent: true });
    const user = 'user' in body && body.user && typeof body.user === 'object' ? body.user : (body as ConsumerUser);
    saveUser(user);
    return user;
  } catch (e) {
    if (!getToken()) return null; // 401: request() has already cleared the session
    throw e;
  }
}

export function logout(): void {
  clearSession();
}

export const PHONE_RE = /^1\d{10}$/;
export const SMS_CODE_RE = /^\d{6}$/;

import Taro from '@tarojs/taro';
import type { ErrorEnvelope } from '@contracts';
import { API_BASE } from './env';
import { clearSession, getToken } from './session';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

/** A failed API call: the server's `{error:{code,message,details?}}`, or a local code for transport trouble. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export interface RequestOptions {
  method?: Method;
  query?: Query;
  body?: unknown;
  /** don't show a toast on failure (the caller shows the error itself) */
  silent?: boolean;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function isEnvelope(data: unknown): data is ErrorEnvelope {
  if (!data || typeof data !== 'object' || !('error' in data)) return false;
  const error = (data as { error: unknown }).error;
  return !!error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string';
}

function fallbackMessage(status: number): string {
  if (status === 401) return '请先登录';
  if (status === 403) return '没有权限';
  if (status === 404) return '内容不存在';
  if (status === 429) return '操作太频繁，请稍后再试';
  if (status >= 500) return '服务器开小差了，请稍后再试';
  return `请求失败（${status}）`;
}

export function toastError(err: unknown): void {
  const message = err instanceof ApiError ? err.message : err instanceof Error ? err.message : '出错了';
  void Taro.showToast({ title: message || '出错了', icon: 'none', duration: 2500 });
}

/** One request layer for weapp, alipay and h5. Resolves with the parsed JSON body of a 2xx response. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, silent = false, timeoutMs = 15000, headers } = options;
  const header: Record<string, string> = { Accept: 'application/json', ...headers };
  if (body !== undefined) header['Content-Type'] = 'application/json';
  const token = getToken();
  if (token) header.Authorization = `Bearer ${token}`;

  let res: Taro.request.SuccessCallbackResult<string | Record<string, unknown>>;
  try {
    res = await Taro.request<string | Record<string, unknown>>({
      url: `${API_BASE}${path}${buildQuery(query)}`,
      method,
      data: body === undefined ? undefined : JSON.stringify(body),
      header,
      dataType: 'json',
      timeout: timeoutMs,
    });
  } catch (e) {
    const err = new ApiError('NETWORK_ERROR', '网络不给力，请检查网络后重试', 0, e);
    if (!silent) toastError(err);
    throw err;
  }

  const status = res.statusCode;
  let data: unknown = res.data;
  if (typeof data === 'string' && data) {
    try {
      data = JSON.parse(data);
    } catch {
      /* not JSON: keep the text */
    }
  }
  if (status >= 200 && status < 300) return data as T;

  const err = isEnvelope(data)
    ? new ApiError(data.error.code, data.error.message || fallbackMessage(status), status, data.error.details)
    : new ApiError(`HTTP_${status}`, fallbackMessage(status), status);
  // A rejected token is gone for good: drop it so the UI shows the logged-out state.
  if (status === 401 && token) clearSession();
  if (!silent) toastError(err);
  throw err;
}

export const get = <T>(path: string, query?: Query, options?: Omit<RequestOptions, 'method' | 'query'>) =>
  request<T>(path, { ...options, method: 'GET', query });
export const post = <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
  request<T>(path, { ...options, method: 'POST', body: body ?? {} });

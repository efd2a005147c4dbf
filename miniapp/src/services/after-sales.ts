// The buyer's after-sale API: what can still be asked for, the request itself, its photos, the return shipment.
import Taro from '@tarojs/taro';
import type { AfterSale, AfterSaleAvailability, AfterSaleList, AfterSalePhoto } from '@contracts';
import { API_BASE } from './env';
import { ApiError, get, post, toastError } from './request';
import { getToken } from './session';

export type AfterSaleType = AfterSale['type'];

/** POST /api/v1/orders/{id}/after-sales (AfterSaleRequest) */
export interface AfterSaleBody {
  type: AfterSaleType;
  reason: string;
  note?: string;
  lines: { orderItemId: number; quantity: number }[];
}

export const afterSaleAvailability = (orderId: number) =>
  get<AfterSaleAvailability>(`/api/v1/orders/${orderId}/after-sales/available`);
export const requestAfterSale = (orderId: number, body: AfterSaleBody, idempotencyKey: string) =>
  post<AfterSale>(`/api/v1/orders/${orderId}/after-sales`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
export const getAfterSale = (id: number) => get<AfterSale>(`/api/v1/after-sales/${id}`);
export const orderAfterSales = (orderId: number) =>
  get<AfterSaleList>('/api/v1/after-sales', { orderId, pageSize: 20 }, { silent: true });
export const cancelAfterSale = (id: number) => post<AfterSale>(`/api/v1/after-sales/${id}/cancel`);
export const sendReturn = (id: number, carrier: string, trackingNo: string) =>
  post<AfterSale>(`/api/v1/after-sales/${id}/return`, { carrier, trackingNo });

/** A picked photo: its local path, and on H5 the File itself. */
export interface PickedPhoto {
  path: string;
  file?: File;
}

/** Lets the buyer pick up to `count` photos; none when they close the picker. */
export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  const picked = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(
    () => null,
  );
  return picked ? picked.tempFiles.map((f) => ({ path: f.path, file: f.originalFileObj })) : [];
}

/** The upload itself: Taro.uploadFile on the mini-programs; on H5 the File goes out as is. */
async function sendPhoto(url: string, photo: PickedPhoto, header: Record<string, string>) {
  // Taro's H5 uploadFile would read the blob: URL back over XHR, which the CSP (connect-src 'self') refuses
  if (process.env.TARO_ENV === 'h5' && photo.file) {
    const form = new FormData();
    form.append('file', photo.file);
    const res = await fetch(url, { method: 'POST', headers: header, body: form });
    return { statusCode: res.status, data: await res.text() };
  }
  return Taro.uploadFile({ url, filePath: photo.path, name: 'file', header });
}

/** Uploads one photo as the multipart field `file`; the server decides by its bytes whether it is an image. */
export async function uploadAfterSalePhoto(id: number, photo: PickedPhoto): Promise<AfterSalePhoto> {
  const token = getToken();
  let res: { statusCode: number; data: string };
  try {
    res = await sendPhoto(
      `${API_BASE}/api/v1/after-sales/${id}/photos`,
      photo,
      token ? { Authorization: `Bearer ${token}` } : {},
    );
  } catch (e) {
    const err = new ApiError('NETWORK_ERROR', '图片上传失败，请检查网络后重试', 0, e);
    toastError(err);
    throw err;
  }
  let data: unknown = res.data;
  try {
    data = JSON.parse(res.data);
  } catch {
    /* not JSON */
  }
  if (res.statusCode === 201) return data as AfterSalePhoto;
  const error = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
  const err = new ApiError(error?.code ?? `HTTP_${res.statusCode}`, error?.message || '图片上传失败', res.statusCode);
  toastError(err);
  throw err;
}

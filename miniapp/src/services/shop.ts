import type { Cart, CheckoutPreview, Order, OrderList, OrderPayments, PayResponse } from '@contracts';
import { get, post, request } from './request';

export interface ItemLine {
  skuId: number;
  quantity: number;
}

/** The checkout route carries its lines as URL-encoded JSON: `items=[{"skuId":1,"quantity":2}]`. */
export function encodeItems(items: ItemLine[]): string {
  return encodeURIComponent(JSON.stringify(items.map((i) => ({ skuId: i.skuId, quantity: i.quantity }))));
}

export function decodeItems(param: string | undefined): ItemLine[] {
  if (!param) return [];
  try {
    const raw: unknown = JSON.parse(decodeURIComponent(param));
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((x: unknown) => {
      const { skuId, quantity } = (x ?? {}) as { skuId?: unknown; quantity?: unknown };
      return Number.isInteger(skuId) && Number.isInteger(quantity) && (quantity as number) > 0
        ? [{ skuId: skuId as number, quantity: quantity as number }]
        : [];
    });
  } catch {
    return [];
  }
}

export const getCart = () => get<Cart>('/api/v1/cart');
export const addToCart = (skuId: number, quantity: number) => post<Cart>('/api/v1/cart/items', { skuId, quantity });
export const updateCartLine = (id: number, patch: { quantity?: number; selected?: boolean }) =>
  request<Cart>(`/api/v1/cart/items/${id}`, { method: 'PATCH', body: patch });
export const removeCartLine = (id: number) => request<Cart>(`/api/v1/cart/items/${id}`, { method: 'DELETE' });
export const selectAllCart = (selected: boolean) => post<Cart>('/api/v1/cart/select', { selected });

export const previewCheckout = (items: ItemLine[]) => post<CheckoutPreview>('/api/v1/checkout/preview', { items });
export const createOrder = (items: ItemLine[], addressId: number, remark: string, idempotencyKey: string) =>
  request<Order>('/api/v1/orders', {
    method: 'POST',
    body: { items, addressId, remark },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
export const listOrders = (status?: string, page = 1) =>
  get<OrderList>('/api/v1/orders', { status, page, pageSize: 20 });
export const getOrder = (id: number) => get<Order>(`/api/v1/orders/${id}`, undefined, { silent: true });
export const orderPayments = (id: number) => get<OrderPayments>(`/api/v1/orders/${id}/payments`);
export const cancelOrder = (id: number) => post<{ status: string }>(`/api/v1/orders/${id}/cancel`);
export const confirmReceipt = (id: number) => post<{ status: string }>(`/api/v1/orders/${id}/confirm-receipt`);
export const startPayment = (id: number, channel: 'wechat' | 'alipay') =>
  post<PayResponse>(`/api/v1/orders/${id}/pay`, { channel });

// What the after-sale pages share: which kind of request an order allows now (the server decides; the page only
// preselects it and says why the other is unavailable), and where its pages are.
import type { AfterSale, Order } from '@contracts';
import { MAX_AFTER_SALE_PHOTOS } from '@display';

export type AfterSaleType = AfterSale['type'];

/** Refund only before shipping; return and refund once shipped or received (domain-rules.md). */
export function allowedType(status: Order['status']): AfterSaleType | null {
  if (status === 'to_ship') return 'refund_only';
  if (status === 'shipped' || status === 'completed') return 'return_refund';
  return null;
}

export const TYPE_HINT: Record<AfterSaleType, string> = {
  refund_only: '未发货的订单可申请仅退款',
  return_refund: '已发货的订单请申请退货退款',
};

export const applyPage = (orderId: number) => `/subpackages/order/after-sale/apply/index?orderId=${orderId}`;
export const detailPage = (id: number) => `/subpackages/order/after-sale/detail/index?id=${id}`;

/** Whether the buyer may still add photos (the server says the same). */
export const acceptsPhotos = (a: AfterSale) =>
  (a.status === 'requested' || a.status === 'awaiting_return') && a.photos.length < MAX_AFTER_SALE_PHOTOS;

import { Op, type WhereOptions } from 'sequelize';
import type { z } from 'zod';
import type { AfterSale, AfterSaleListQuery, ReturnAddress } from '../../../contracts/after-sale';
import { AfterSaleErrors } from '../errors';
import type { AfterSaleAttrs } from '../persistence/models';
import type { AfterSaleDeps } from './ports';
import { pageWindow } from '../../../kernel/paging';

export async function afterSaleViews(
  deps: AfterSaleDeps,
  rows: AfterSaleAttrs[],
): Promise<z.input<typeof AfterSale>[]> {
  if (!rows.length) return [];
  const items = await deps.models.AfterSaleItem.findAll({
    where: { afterSaleId: { [Op.in]: rows.map((r) => r.id) } },
    order: [['id', 'ASC']],
  });
  const photos = await deps.models.AfterSalePhoto.findAll({
    where: { afterSaleId: { [Op.in]: rows.map((r) => r.id) } },
    order: [['id', 'ASC']],
  });
  const refundStatus = await deps.payments.refundStatuses(rows.flatMap((r) => (r.refundId ? [r.refundId] : [])));
  return rows.map((a) => ({
    id: a.id,
    orderId: a.orderId,
    orderNo: a.orderNo ?? '',
    userId: a.userId,
    type: a.type,
    status: a.status,
    reason: a.reason,
    note: a.buyerNote ?? null,
    amountFen: a.amountFen,
    lines: items
      .filter((i) => i.getDataValue('afterSaleId') === a.id)
      .map((i) => ({
        orderItemId: i.getDataValue('orderItemId'),
        quantity: i.getDataValue('quantity'),
        amountFen: i.getDataValue('amountFen'),
      })),
    photos: photos
      .filter((p) => p.getDataValue('afterSaleId') === a.id)
      .map((p) => ({ id: p.getDataValue('id'), url: p.getDataValue('url') })),
    returnAddress: a.returnAddressJson ? (JSON.parse(a.returnAddressJson) as ReturnAddress) : null,
    returnCarrier: a.returnCarrier ?? null,
    returnTrackingNo: a.returnTrackingNo ?? null,
    operatorNote: a.operatorNote ?? null,
    refundStatus: a.refundId ? (refundStatus.get(a.refundId) ?? null) : null,
    createdAt: new Date(a.createdAt).toISOString(),
  }));
}

export async function afterSaleView(deps: AfterSaleDeps, row: AfterSaleAttrs) {
  return (await afterSaleViews(deps, [row]))[0]!;
}

export async function getAfterSale(deps: AfterSaleDeps, id: number, userId?: number) {
  const row = await deps.models.AfterSale.findOne({ where: userId ? { id, userId } : { id } });
  if (!row) throw AfterSaleErrors.AFTER_SALE_NOT_FOUND();
  return afterSaleView(deps, row.get({ plain: true }));
}

export async function listAfterSales(
  deps: AfterSaleDeps,
  q: z.output<typeof AfterSaleListQuery>,
  scope: { userId?: number } = {},
) {
  const where: WhereOptions<AfterSaleAttrs> = {
    ...(q.status ? { status: q.status } : {}),
    ...(q.orderId ? { orderId: q.orderId } : {}),
    ...(q.orderNo ? { orderNo: q.orderNo } : {}),
    ...(scope.userId ? { userId: scope.userId } : {}),
  };
  const { rows, count } = await deps.models.AfterSale.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    ...pageWindow(q),
  });
  return {
    total: count,
    items: await afterSaleViews(
      deps,
      rows.map((r) => r.get({ plain: true })),
    ),
  };
}

import type { Order, OrderPayments } from '@contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { formatFen, orderFacts, statusLabel } from '@display';
import { api } from '../../shared/api/client';
import { StatusTag } from '../../shared/status/StatusTag';
import { ShipForm } from './ShipForm';

type OrderAction = 'cancel' | 'refund';
/** What the toast says once the server has done it (the order's new state, not a generic 已完成). */
const DONE: Record<OrderAction, string> = { cancel: '已取消订单', refund: '已发起退款' };

/** One order for an operator: lines, address, money, payments and refunds; ship, cancel or refund it. */
export function OrderDrawer({ orderId, onClose }: { orderId: number | null; onClose(): void }) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const order = useQuery({
    queryKey: ['order', orderId],
    enabled: orderId !== null,
    queryFn: ({ signal }) => api.get<Order>(`/api/admin/v1/orders/${orderId}`, undefined, signal),
  });
  const payments = useQuery({
    queryKey: ['order-payments', orderId],
    enabled: orderId !== null,
    queryFn: ({ signal }) => api.get<OrderPayments>(`/api/admin/v1/orders/${orderId}/payments`, undefined, signal),
  });
  const refresh = () => void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('order') });
  const act = useMutation({
    mutationFn: ({ path, body }: { path: OrderAction; body: unknown }) =>
      api.post(`/api/admin/v1/orders/${orderId}/${path}`, body),
    onSuccess: (_, { path }) => {
      void message.success(DONE[path]);
      refresh();
    },
    onError: (e: Error) => void message.error(e.message),
  });

  const o = order.data;
  return (
    <Drawer
      open={orderId !== null}
      onClose={onClose}
      size={640}
      title={o ? `订单 ${o.orderNo}` : '订单'}
      destroyOnHidden
    >
      {o && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="状态">
              <StatusTag className="order-drawer-status" kind="order" status={o.status} />
            </Descriptions.Item>
            <Descriptions.Item label="商品金额">{formatFen(o.itemsTotalFen)}</Descriptions.Item>
            <Descriptions.Item label="运费">{formatFen(o.shippingFen)}</Descriptions.Item>
            <Descriptions.Item label="应付">{formatFen(o.payableFen)}</Descriptions.Item>
            <Descriptions.Item label="实付">{formatFen(o.paidFen)}</Descriptions.Item>
            <Descriptions.Item label="收货人" span={2}>
              {o.address.name} {o.address.phone} · {o.address.province}
              {o.address.city}
              {o.address.district} {o.address.detail}
            </Descriptions.Item>
            <Descriptions.Item label="买家备注" span={2}>
              <span className="order-drawer-remark">{o.remark || '—'}</span>
            </Descriptions.Item>
            {orderFacts(o, payments.data ?? null).map(([label, value]) => (
              <Descriptions.Item key={label} label={label}>
                <span className="order-drawer-fact">{value}</span>
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={o.items}
            columns={[
              { title: '商品', dataIndex: 'title' },
              { title: '规格', render: (_, i) => Object.values(i.specs).join(' / ') || '默认' },
              { title: '单价', render: (_, i) => formatFen(i.unitPriceFen), width: 100 },
              { title: '数量', dataIndex: 'quantity', width: 70 },
            ]}
          />
          {payments.data && (
            <div>
              <Typography.Title level={5}>支付与退款</Typography.Title>
              {payments.data.payments.map((p) => (
                <div key={p.channel}>
                  {statusLabel('paymentChannel', p.channel)} · {statusLabel('payment', p.status)} ·{' '}
                  {formatFen(p.paidFen)}{' '}
                  {p.transactionId && <Typography.Text type="secondary">{p.transactionId}</Typography.Text>}
                </div>
              ))}
              {payments.data.refunds.map((r) => (
                <div key={r.id}>
                  退款 {formatFen(r.amountFen)} · {statusLabel('refundReason', r.reason)} ·{' '}
                  {statusLabel('refund', r.status)}
                </div>
              ))}
            </div>
          )}
          {o.status === 'to_ship' && <ShipForm orderId={o.id} />}
          <Space>
            {o.status === 'pending_payment' && (
              <Button danger onClick={() => act.mutate({ path: 'cancel', body: {} })}>
                取消订单
              </Button>
            )}
            {(o.status === 'to_ship' || o.status === 'awaiting_group') && (
              <Button
                danger
                onClick={() =>
                  modal.confirm({
                    title: '整单退款？',
                    content: '款项原路退回，库存回补',
                    onOk: () => act.mutate({ path: 'refund', body: { note: '商家退款' } }),
                  })
                }
              >
                整单退款
              </Button>
            )}
          </Space>
        </Space>
      )}
    </Drawer>
  );
}

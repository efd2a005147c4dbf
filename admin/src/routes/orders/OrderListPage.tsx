import type { AdminOrderList, AdminOrderSummary } from '@contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatFen, statusOptions } from '@display';
import { api } from '../../shared/api/client';
import { StatusTag } from '../../shared/status/StatusTag';
import { OrderDrawer } from './OrderDrawer';
import { ShipForm } from './ShipForm';

/** Orders: filter by status, find by number, open one to ship, cancel or refund it. */
export function OrderListPage() {
  const [status, setStatus] = useState<string | undefined>();
  const [orderNo, setOrderNo] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const [shipping, setShipping] = useState<AdminOrderSummary | null>(null);
  const list = useQuery({
    queryKey: ['orders', status, orderNo, page],
    queryFn: ({ signal }) =>
      api.get<AdminOrderList>('/api/admin/v1/orders', { status, orderNo, page, pageSize: 20 }, signal),
  });

  return (
    <Card title="订单">
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          aria-label="按状态筛选订单"
          placeholder="全部状态"
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={statusOptions('order')}
        />
        <Input.Search
          allowClear
          aria-label="按订单号搜索订单"
          placeholder="订单号"
          onSearch={(v) => {
            setOrderNo(v || undefined);
            setPage(1);
          }}
          style={{ width: 260 }}
        />
      </Space>
      <Table<AdminOrderSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        onRow={(row) => ({ onClick: () => setOpen(row.id), 'data-testid': 'order-row' }) as never}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage }}
        columns={[
          { title: '订单号', dataIndex: 'orderNo' },
          { title: '商品', render: (_, o) => `${o.firstItem?.title ?? ''} 等 ${o.itemCount} 件` },
          {
            title: '用户',
            width: 150,
            // nickname and masked phone from the server: the full number never reaches this list
            render: (_, o) =>
              o.buyer ? (
                <span data-testid="order-buyer">
                  {o.buyer.nickname}
                  {o.buyer.maskedPhone && <Typography.Text type="secondary"> {o.buyer.maskedPhone}</Typography.Text>}
                </span>
              ) : (
                '—'
              ),
          },
          { title: '实付', render: (_, o) => formatFen(o.paidFen || o.payableFen), width: 110 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: string) => <StatusTag kind="order" status={s} />,
          },
          { title: '下单时间', dataIndex: 'createdAt', width: 180, render: (v: string) => formatDateTime(v) },
          {
            title: '操作',
            width: 120,
            fixed: 'right',
            // the buttons act on their own: a click does not also open the row's drawer
            render: (_, o) => (
              <Space size={4} onClick={(e) => e.stopPropagation()}>
                {o.status === 'to_ship' && (
                  <Button size="small" type="link" data-testid="order-row-ship" onClick={() => setShipping(o)}>
                    发货
                  </Button>
                )}
                <Button size="small" type="link" data-testid="order-row-detail" onClick={() => setOpen(o.id)}>
                  详情
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <OrderDrawer orderId={open} onClose={() => setOpen(null)} />
      <Modal
        open={shipping !== null}
        title={shipping ? `发货 · 订单 ${shipping.orderNo}` : '发货'}
        footer={null}
        onCancel={() => setShipping(null)}
        destroyOnHidden
      >
        {shipping && <ShipForm orderId={shipping.id} onShipped={() => setShipping(null)} />}
      </Modal>
    </Card>
  );
}

import type { AfterSale, AfterSaleList } from '@contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatFen, statusLabel, statusOptions } from '@display';
import { api } from '../../shared/api/client';
import { StatusTag } from '../../shared/status/StatusTag';

/** After-sales: approve (refund now or wait for the goods), confirm the goods came back, or reject. */
export function AfterSaleListPage() {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [status, setStatus] = useState<string | undefined>('requested');
  const list = useQuery({
    queryKey: ['after-sales', status],
    queryFn: ({ signal }) => api.get<AfterSaleList>('/api/admin/v1/after-sales', { status, pageSize: 50 }, signal),
  });
  const act = useMutation({
    mutationFn: ({ id, action, body }: { id: number; action: string; body?: unknown }) =>
      api.post(`/api/admin/v1/after-sales/${id}/${action}`, body ?? {}),
    onSuccess: () => {
      void message.success('已处理');
      void client.invalidateQueries({ queryKey: ['after-sales'] });
    },
    onError: (e: Error) => void message.error(e.message),
  });
  const reject = (id: number) =>
    modal.confirm({
      title: '驳回这个申请？',
      onOk: () => act.mutate({ id, action: 'reject', body: { note: '不符合售后条件' } }),
    });

  return (
    <Card title="售后">
      <Select
        allowClear
        placeholder="全部"
        style={{ width: 160, marginBottom: 16 }}
        value={status}
        onChange={setStatus}
        options={statusOptions('afterSale')}
      />
      <Table<AfterSale>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: '订单', dataIndex: 'orderId', width: 80 },
          {
            title: '类型',
            dataIndex: 'type',
            render: (t: string) => statusLabel('afterSaleType', t),
            width: 100,
          },
          { title: '原因', dataIndex: 'reason' },
          { title: '金额', render: (_, a) => formatFen(a.amountFen), width: 100 },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <StatusTag kind="afterSale" status={s} />,
            width: 120,
          },
          { title: '申请时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v), width: 180 },
          {
            title: '操作',
            width: 220,
            render: (_, a) => (
              <Space>
                {a.status === 'requested' && (
                  <Button
                    size="small"
                    type="primary"
                    data-testid="after-sale-approve"
                    onClick={() => act.mutate({ id: a.id, action: 'approve' })}
                  >
                    同意
                  </Button>
                )}
                {a.status === 'returning' && (
                  <Button size="small" type="primary" onClick={() => act.mutate({ id: a.id, action: 'receive' })}>
                    确认收货并退款
                  </Button>
                )}
                {(a.status === 'requested' || a.status === 'returning') && (
                  <Button size="small" danger onClick={() => reject(a.id)}>
                    驳回
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

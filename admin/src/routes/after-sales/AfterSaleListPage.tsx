import type { AfterSale } from '@contracts';
import { Button, Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatFen, statusLabel, statusOptions } from '@display';
import { StatusTag } from '../../shared/status/StatusTag';
import { AfterSaleDrawer } from './AfterSaleDrawer';
import { useAfterSales, type AfterSaleFilter } from './api';

const PAGE_SIZE = 20;

/** After-sales: find one by status or order number, open it to see what the buyer sent and decide. */
export function AfterSaleListPage() {
  const [filter, setFilter] = useState<AfterSaleFilter>({ status: 'requested', page: 1, pageSize: PAGE_SIZE });
  const [open, setOpen] = useState<AfterSale | null>(null);
  const list = useAfterSales(filter);
  // the drawer follows the list's copy, so a decision shows its new state there too
  const current = open ? (list.data?.items.find((a) => a.id === open.id) ?? open) : null;

  return (
    <Card title="售后">
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          allowClear
          aria-label="按状态筛选售后"
          placeholder="全部状态"
          style={{ width: 160 }}
          value={filter.status}
          onChange={(status?: string) => setFilter((f) => ({ ...f, status, page: 1 }))}
          options={statusOptions('afterSale')}
        />
        <Input.Search
          className="after-sale-search"
          aria-label="按订单号搜索售后"
          allowClear
          placeholder="订单号"
          style={{ width: 260 }}
          onSearch={(v) => setFilter((f) => ({ ...f, orderNo: v.trim() || undefined, status: undefined, page: 1 }))}
        />
      </Space>
      <Table<AfterSale>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: list.data?.total,
          showSizeChanger: false,
          onChange: (page) => setFilter((f) => ({ ...f, page })),
        }}
        columns={[
          {
            title: '订单号',
            dataIndex: 'orderNo',
            width: 200,
            render: (no: string) => <span className="after-sale-order-no">{no}</span>,
          },
          { title: '类型', dataIndex: 'type', render: (t: string) => statusLabel('afterSaleType', t), width: 100 },
          {
            title: '原因',
            dataIndex: 'reason',
            render: (r: string, a) => (
              <>
                {statusLabel('afterSaleReason', r)}
                {a.photos.length > 0 && <span style={{ color: '#595959' }}> · {a.photos.length} 图</span>}
              </>
            ),
          },
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
            width: 100,
            render: (_, a) => (
              <Button size="small" type="link" className="after-sale-open" onClick={() => setOpen(a)}>
                {a.status === 'requested' || a.status === 'returning' ? '处理' : '查看'}
              </Button>
            ),
          },
        ]}
      />
      <AfterSaleDrawer afterSale={current} onClose={() => setOpen(null)} />
    </Card>
  );
}

import type { AdminCoupon } from '@contracts';
import { couponTermsLabel, formatDateTime } from '@display';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useCoupons } from './api';
import { CouponForm } from './CouponForm';

const validityText = (c: AdminCoupon) =>
  c.validity.kind === 'days'
    ? `领取后 ${c.validity.days} 天`
    : `${formatDateTime(c.validity.startAt)} ~ ${formatDateTime(c.validity.endAt)}`;

/** 优惠券: every template with its terms, validity and figures (claimed, used, remaining), paged on the server. */
export function CouponListPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [creating, setCreating] = useState(false);
  const coupons = useCoupons(page, pageSize);
  return (
    <Card
      title="优惠券"
      extra={
        <Button data-testid="coupon-new" type="primary" onClick={() => setCreating(true)}>
          新建优惠券
        </Button>
      }
    >
      <Table<AdminCoupon>
        rowKey="id"
        className="coupon-table"
        loading={coupons.isFetching}
        dataSource={coupons.data?.items}
        pagination={{
          current: page,
          pageSize,
          total: coupons.data?.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (total) => `共 ${total} 张券`,
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
        columns={[
          { title: '名称', dataIndex: 'name', ellipsis: true },
          { title: '优惠', render: (_, c) => couponTermsLabel(c), width: 170 },
          { title: '有效期', render: (_, c) => validityText(c), width: 220 },
          { title: '总量', dataIndex: 'total', width: 80 },
          { title: '已领', dataIndex: 'claimed', width: 80 },
          { title: '已用', dataIndex: 'used', width: 80 },
          { title: '剩余', dataIndex: 'remaining', width: 80 },
          { title: '每人限领', dataIndex: 'perUserLimit', width: 90 },
          {
            title: '领取方式',
            width: 110,
            render: (_, c) => (c.claimable ? <Tag color="blue">领券中心</Tag> : <Tag>仅发放</Tag>),
          },
        ]}
      />
      <CouponForm open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

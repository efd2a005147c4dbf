import type { AfterSale } from '@contracts';
import { App, Button, Descriptions, Drawer, Image, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatFen, statusLabel } from '@display';
import { StatusTag } from '../../shared/status/StatusTag';
import { useAfterSaleOrder, useDecide, type Decision } from './api';

const DONE: Record<Decision, string> = { approve: '已同意', receive: '已确认收货，退款已发起', reject: '已驳回' };

/** One after-sale for an operator: what the buyer asked for and sent, and the decision it waits for. */
export function AfterSaleDrawer({ afterSale: a, onClose }: { afterSale: AfterSale | null; onClose(): void }) {
  const { message } = App.useApp();
  const order = useAfterSaleOrder(a?.orderId);
  const decide = useDecide();
  const [rejectNote, setRejectNote] = useState('');

  const run = (action: Decision, note?: string) =>
    a &&
    decide.mutateAsync({ id: a.id, action, note }).then(
      () => {
        setRejectNote('');
        void message.success(DONE[action]);
      },
      (e: Error) => void message.error(e.message),
    );

  const item = (orderItemId: number) => order.data?.items.find((i) => i.id === orderItemId);
  const refundNow = a?.type === 'refund_only';
  return (
    <Drawer
      open={a !== null}
      onClose={onClose}
      size={640}
      title={a ? `售后 · 订单 ${a.orderNo}` : '售后'}
      destroyOnHidden
      className="after-sale-drawer"
    >
      {a && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="状态">
              <StatusTag className="after-sale-drawer-status" kind="afterSale" status={a.status} />
            </Descriptions.Item>
            <Descriptions.Item label="类型">{statusLabel('afterSaleType', a.type)}</Descriptions.Item>
            <Descriptions.Item label="退款金额">{formatFen(a.amountFen)}</Descriptions.Item>
            <Descriptions.Item label="申请时间">{formatDateTime(a.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="原因" span={2}>
              <span className="after-sale-reason">{statusLabel('afterSaleReason', a.reason)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="买家说明" span={2}>
              <span className="after-sale-note">{a.note || '—'}</span>
            </Descriptions.Item>
            {a.returnAddress && (
              <Descriptions.Item label="退货地址" span={2}>
                {a.returnAddress.name} {a.returnAddress.phone} · {a.returnAddress.address}
              </Descriptions.Item>
            )}
            {a.returnCarrier && (
              <Descriptions.Item label="退货物流" span={2}>
                <span className="after-sale-return-shipment">
                  {a.returnCarrier} {a.returnTrackingNo}
                </span>
              </Descriptions.Item>
            )}
            {a.operatorNote && (
              <Descriptions.Item label="处理说明" span={2}>
                {a.operatorNote}
              </Descriptions.Item>
            )}
          </Descriptions>

          <Table
            size="small"
            rowKey="orderItemId"
            pagination={false}
            loading={order.isLoading}
            dataSource={a.lines}
            columns={[
              { title: '商品', render: (_, l) => item(l.orderItemId)?.title ?? `#${l.orderItemId}` },
              { title: '申请数量', render: (_, l) => `${l.quantity} / ${item(l.orderItemId)?.quantity ?? '—'}` },
              { title: '金额', render: (_, l) => formatFen(l.amountFen), width: 100 },
            ]}
          />

          <div>
            <Typography.Text strong>图片凭证</Typography.Text>
            <div className="after-sale-photos" style={{ marginTop: 8 }}>
              {a.photos.length ? (
                <Image.PreviewGroup>
                  <Space wrap>
                    {a.photos.map((p, n) => (
                      <Image
                        key={p.id}
                        src={p.url}
                        alt={`买家凭证图片 ${n + 1}`}
                        width={104}
                        height={104}
                        style={{ objectFit: 'cover', borderRadius: 6 }}
                      />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              ) : (
                <Typography.Text type="secondary">买家没有上传图片</Typography.Text>
              )}
            </div>
          </div>

          <Space wrap>
            {a.status === 'requested' && (
              <Popconfirm
                title={refundNow ? `同意并原路退款 ${formatFen(a.amountFen)}？` : '同意退货？'}
                description={
                  refundNow
                    ? '退款将立即发起，无法撤回；库存会回补。'
                    : '买家将看到「设置」中的退货地址并寄回商品，收到后再退款。'
                }
                okText={refundNow ? '同意并退款' : '同意退货'}
                cancelText="再想想"
                onConfirm={() => run('approve')}
              >
                <Button type="primary" data-testid="after-sale-approve" loading={decide.isPending}>
                  {refundNow ? '同意退款' : '同意退货'}
                </Button>
              </Popconfirm>
            )}
            {a.status === 'returning' && (
              <Popconfirm
                title={`确认已收到退货，并原路退款 ${formatFen(a.amountFen)}？`}
                description="退款将立即发起，无法撤回；库存会回补。"
                okText="确认收货并退款"
                cancelText="再想想"
                onConfirm={() => run('receive')}
              >
                <Button type="primary" data-testid="after-sale-receive" loading={decide.isPending}>
                  确认收货并退款
                </Button>
              </Popconfirm>
            )}
            {(a.status === 'requested' || a.status === 'returning') && (
              <Popconfirm
                title="驳回这个申请？"
                description={
                  <Input
                    className="after-sale-reject-note"
                    placeholder="驳回原因（买家可见）"
                    maxLength={200}
                    value={rejectNote}
                    onChange={(e) => setRejectNote(e.target.value)}
                  />
                }
                okText="驳回"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => run('reject', rejectNote.trim() || '不符合售后条件')}
              >
                <Button danger data-testid="after-sale-reject">
                  驳回
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Space>
      )}
    </Drawer>
  );
}

import type { AdminGroupDetail } from '@contracts';
import { formatDateTime, statusLabel } from '@display';
import { App, Button, Descriptions, Drawer, Table, Tag } from 'antd';
import { StatusTag } from '../../shared/status/StatusTag';
import { useCloseGroup, useGroup, type CloseResult } from './api';

type Member = AdminGroupDetail['members'][number];
const when = (v: string | null) => (v ? formatDateTime(v) : '—');
const CLOSED: Record<CloseResult, string> = {
  succeeded_virtually: '已结束：模拟成团',
  failed: '已结束：拼团失败，已自动退款',
  not_open: '这个团已经结束了',
};

/** One group: its members and their orders; an operator may end it now by the expiry rules. */
export function GroupDrawer({ code, onClose }: { code: string | null; onClose(): void }) {
  const { message, modal } = App.useApp();
  const group = useGroup(code);
  const close = useCloseGroup();
  const g = group.data;

  const confirmClose = (c: string) =>
    modal.confirm({
      title: `手动结束团 ${c}？`,
      content: '按到期规则处理：达到模拟成团门槛的算成团，否则拼团失败并原路退款。此操作会记入操作日志。',
      okText: '结束',
      okButtonProps: { danger: true, 'data-testid': 'gb-group-close-confirm' } as never,
      onOk: () =>
        close
          .mutateAsync(c)
          .then((r) => void message.success(CLOSED[r.result]))
          .catch((e: Error) => void message.error(e.message)),
    });

  return (
    <Drawer open={!!code} onClose={onClose} size={620} title={`团 ${code ?? ''}`} loading={group.isLoading}>
      {g && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="状态">
              <StatusTag className="gb-group-status" kind="group" status={g.status} />
              {g.virtualCompleted && <Tag>模拟成团</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="占座/付款/人数">{`${g.seatsTaken} / ${g.paidCount} / ${g.size}`}</Descriptions.Item>
            <Descriptions.Item label="开团">{when(g.openedAt)}</Descriptions.Item>
            <Descriptions.Item label="到期">{when(g.expiresAt)}</Descriptions.Item>
          </Descriptions>
          <Table<Member>
            rowKey="orderId"
            size="small"
            pagination={false}
            dataSource={g.members}
            columns={[
              { title: '成员', render: (_, m) => `${m.nickname}${m.isLeader ? '（团长）' : ''}` },
              { title: '座位', render: (_, m) => <StatusTag kind="member" status={m.memberStatus} /> },
              { title: '订单', render: (_, m) => `#${m.orderId} ${statusLabel('order', m.orderStatus)}` },
              { title: '加入', render: (_, m) => when(m.joinedAt) },
            ]}
          />
          {(g.status === 'open' || g.status === 'pending') && (
            <Button
              data-testid="gb-group-close"
              danger
              style={{ marginTop: 16 }}
              loading={close.isPending}
              onClick={() => confirmClose(g.code)}
            >
              手动结束（按到期规则处理）
            </Button>
          )}
        </>
      )}
    </Drawer>
  );
}

import type { AdminGroupDetail, AdminGroupList, Campaign, CampaignList } from '@contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/client';
import { formatFen } from '../../shared/format/money';
import { formatDateTime } from '../../shared/format/time';
import { CampaignForm } from './CampaignForm';

const GROUP_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待团长付款', color: 'default' },
  open: { label: '拼团中', color: 'blue' },
  succeeded: { label: '已成团', color: 'green' },
  failed: { label: '未成团', color: 'red' },
};
const when = (v: string | null) => (v ? formatDateTime(v) : '—');

/** Group-buy campaigns, their groups, and a group's members; operators can end a group by hand. */
export function CampaignListPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const campaigns = useQuery({
    queryKey: ['gb-campaigns'],
    queryFn: ({ signal }) => api.get<CampaignList>('/api/admin/v1/groupbuy/campaigns', { pageSize: 100 }, signal),
  });
  const groups = useQuery({
    queryKey: ['gb-groups', campaign?.id],
    enabled: !!campaign,
    queryFn: ({ signal }) =>
      api.get<AdminGroupList>(`/api/admin/v1/groupbuy/campaigns/${campaign!.id}/groups`, { pageSize: 100 }, signal),
  });
  const group = useQuery({
    queryKey: ['gb-group', code],
    enabled: !!code,
    queryFn: ({ signal }) => api.get<AdminGroupDetail>(`/api/admin/v1/groupbuy/groups/${code}`, undefined, signal),
  });
  const close = useMutation({
    mutationFn: (c: string) => api.post<{ result: string }>(`/api/admin/v1/groupbuy/groups/${c}/close`, {}),
    onSuccess: (r) => {
      void message.success(r.result === 'failed' ? '已结束：未成团，已自动退款' : '已结束');
      void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('gb-') });
    },
    onError: (e: Error) => void message.error(e.message),
  });

  return (
    <Card
      title="拼团活动"
      extra={
        <Button data-testid="gb-campaign-new" type="primary" onClick={() => setCreating(true)}>
          新建活动
        </Button>
      }
    >
      <Table<Campaign>
        rowKey="id"
        loading={campaigns.isLoading}
        dataSource={campaigns.data?.items}
        pagination={false}
        onRow={(row) => ({ onClick: () => setCampaign(row), 'data-testid': 'gb-campaign-row' }) as never}
        columns={[
          { title: '活动', dataIndex: 'title' },
          { title: '成团人数', dataIndex: 'size', width: 100 },
          { title: '拼团价起', render: (_, c) => formatFen(c.minGroupPriceFen), width: 110 },
          { title: '有效期', render: (_, c) => `${c.validityHours} 小时`, width: 100 },
          {
            title: '状态',
            width: 90,
            render: (_, c) => (c.active ? <Tag color="green">进行中</Tag> : <Tag>未生效</Tag>),
          },
        ]}
      />
      <CampaignForm open={creating} onClose={() => setCreating(false)} />
      <Drawer open={!!campaign} onClose={() => setCampaign(null)} width={760} title={campaign?.title}>
        <Table
          rowKey="id"
          size="small"
          loading={groups.isLoading}
          dataSource={groups.data?.items}
          pagination={false}
          onRow={(row) => ({ onClick: () => setCode(row.code), 'data-testid': 'gb-group-row' }) as never}
          columns={[
            { title: '团号', dataIndex: 'code' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag color={GROUP_STATUS[s]?.color}>{GROUP_STATUS[s]?.label ?? s}</Tag>,
            },
            { title: '占座/付款/人数', render: (_, g) => `${g.seatsTaken} / ${g.paidCount} / ${g.size}` },
            { title: '开团', render: (_, g) => when(g.openedAt) },
            { title: '到期', render: (_, g) => when(g.expiresAt) },
          ]}
        />
      </Drawer>
      <Drawer open={!!code} onClose={() => setCode(null)} width={560} title={`团 ${code ?? ''}`}>
        {group.data && (
          <>
            <p>
              <Tag color={GROUP_STATUS[group.data.status]?.color}>{GROUP_STATUS[group.data.status]?.label}</Tag>
              到期 {when(group.data.expiresAt)} {group.data.virtualCompleted && <Tag>模拟成团</Tag>}
            </p>
            <Table
              rowKey="orderId"
              size="small"
              pagination={false}
              dataSource={group.data.members}
              columns={[
                { title: '成员', render: (_, m) => `${m.nickname}${m.isLeader ? '（团长）' : ''}` },
                { title: '座位', dataIndex: 'memberStatus' },
                { title: '订单', render: (_, m) => `#${m.orderId} ${m.orderStatus}` },
                { title: '加入', render: (_, m) => when(m.joinedAt) },
              ]}
            />
            {(group.data.status === 'open' || group.data.status === 'pending') && (
              <Button
                data-testid="gb-group-close"
                danger
                style={{ marginTop: 16 }}
                loading={close.isPending}
                onClick={() => close.mutate(group.data!.code)}
              >
                手动结束（按到期规则处理）
              </Button>
            )}
          </>
        )}
      </Drawer>
    </Card>
  );
}

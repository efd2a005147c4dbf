import type { Campaign } from '@contracts';
import { formatDateTime, formatFen, formatPriceTag } from '@display';
import { App, Button, Card, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useCampaigns, useSetCampaignEnabled } from './api';
import { CampaignForm, type Editing } from './CampaignForm';
import { GroupsDrawer } from './GroupsDrawer';

/** Where a campaign stands: the server says whether it is active; the window says why it is not. */
function phase(c: Campaign, now = Date.now()): { label: string; color?: string } {
  if (!c.enabled) return { label: '已停用' };
  if (c.active) return { label: '进行中', color: 'green' };
  if (c.startsAt && Date.parse(c.startsAt) > now) return { label: '未开始', color: 'blue' };
  if (c.endsAt && Date.parse(c.endsAt) <= now) return { label: '已结束' };
  return { label: '未生效' };
}

const windowText = (c: Campaign) =>
  c.startsAt || c.endsAt
    ? `${c.startsAt ? formatDateTime(c.startsAt) : '立即'} ~ ${c.endsAt ? formatDateTime(c.endsAt) : '长期'}`
    : '不限';

/** Group-buy campaigns, paged on the server: create, edit, schedule, stop or restart one; open its groups. */
export function CampaignListPage() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [editing, setEditing] = useState<Editing>(null);
  const [groupsOf, setGroupsOf] = useState<Campaign | null>(null);
  const campaigns = useCampaigns({ page, pageSize });
  const setEnabled = useSetCampaignEnabled();

  const toggle = (campaign: Campaign, enabled: boolean) =>
    setEnabled.mutate(
      { campaign, enabled },
      {
        onSuccess: () => void message.success(enabled ? '活动已启用' : '活动已停用'),
        onError: (e) => void message.error(e.message),
      },
    );

  return (
    <Card
      title="拼团活动"
      extra={
        <Button data-testid="gb-campaign-new" type="primary" onClick={() => setEditing({ id: null })}>
          新建活动
        </Button>
      }
    >
      <Table<Campaign>
        rowKey="id"
        className="gb-campaign-table"
        loading={campaigns.isFetching}
        dataSource={campaigns.data?.items}
        onRow={(row) => ({ onClick: () => setGroupsOf(row), 'data-testid': 'gb-campaign-row' }) as never}
        pagination={{
          current: page,
          pageSize,
          total: campaigns.data?.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (total) => `共 ${total} 个活动`,
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
        columns={[
          { title: '活动', dataIndex: 'title' },
          { title: '成团人数', dataIndex: 'size', width: 90 },
          {
            title: '拼团价',
            width: 130,
            // the shop's own rule (contracts/display/price): the member's price, the leader's beneath it
            render: (_, c) =>
              c.prices ? (
                <>
                  {formatPriceTag(c.prices.member, formatFen)}
                  {c.prices.leader ? (
                    <div className="campaign-leader-price">团长价 {formatPriceTag(c.prices.leader, formatFen)}</div>
                  ) : null}
                </>
              ) : (
                '—'
              ),
          },
          { title: '成团有效期', render: (_, c) => `${c.validityHours} 小时`, width: 100 },
          { title: '活动时间（北京时间）', render: (_, c) => windowText(c), width: 330 },
          {
            title: '状态',
            width: 90,
            render: (_, c) => {
              const p = phase(c);
              return (
                <Tag data-testid="gb-campaign-phase" color={p.color}>
                  {p.label}
                </Tag>
              );
            },
          },
          {
            title: '操作',
            width: 170,
            render: (_, c) => (
              // the row opens the groups; the controls here must not
              <Space onClick={(e) => e.stopPropagation()}>
                <Switch
                  data-testid="gb-campaign-toggle"
                  checkedChildren="启用"
                  unCheckedChildren="停用"
                  checked={c.enabled}
                  loading={setEnabled.isPending && setEnabled.variables?.campaign.id === c.id}
                  onChange={(on) => toggle(c, on)}
                />
                <Button data-testid="gb-campaign-edit" size="small" onClick={() => setEditing({ id: c.id })}>
                  编辑
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <CampaignForm editing={editing} onClose={() => setEditing(null)} />
      <GroupsDrawer campaign={groupsOf} onClose={() => setGroupsOf(null)} />
    </Card>
  );
}

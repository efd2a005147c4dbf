import type { AdminGroupList, Campaign } from '@contracts';
import { formatDateTime, statusLabel, statusOptions } from '@display';
import { Drawer, Select, Table } from 'antd';
import { useState } from 'react';
import { StatusTag } from '../../shared/status/StatusTag';
import { useCampaignGroups, type GroupStatus } from './api';
import { GroupDrawer } from './GroupDrawer';

type GroupRow = AdminGroupList['items'][number];
const PAGE_SIZE = 10;
const when = (v: string | null) => (v ? formatDateTime(v) : '—');

/** A campaign's groups, paged on the server and filtered by status; a row opens the group. */
export function GroupsDrawer({ campaign, onClose }: { campaign: Campaign | null; onClose(): void }) {
  return (
    <Drawer open={!!campaign} onClose={onClose} size={820} title={campaign?.title} destroyOnHidden>
      {campaign && <GroupTable campaignId={campaign.id} />}
    </Drawer>
  );
}

function GroupTable({ campaignId }: { campaignId: number }) {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<GroupStatus | undefined>();
  const [code, setCode] = useState<string | null>(null);
  const groups = useCampaignGroups(campaignId, { page, pageSize: PAGE_SIZE, status });
  return (
    <>
      <Select
        allowClear
        placeholder="全部状态"
        style={{ width: 160, marginBottom: 16 }}
        value={status}
        onChange={(v?: GroupStatus) => {
          setStatus(v);
          setPage(1);
        }}
        options={statusOptions('group')}
      />
      <Table<GroupRow>
        rowKey="id"
        size="small"
        loading={groups.isFetching}
        dataSource={groups.data?.items}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: groups.data?.total,
          onChange: setPage,
          showTotal: (total) => `共 ${total} 个团`,
        }}
        onRow={(row) => ({ onClick: () => setCode(row.code), 'data-testid': 'gb-group-row' }) as never}
        columns={[
          { title: '团号', dataIndex: 'code' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <StatusTag kind="group" status={s} />,
          },
          { title: '占座/付款/人数', render: (_, g) => `${g.seatsTaken} / ${g.paidCount} / ${g.size}` },
          { title: '开团', render: (_, g) => when(g.openedAt) },
          { title: '到期', render: (_, g) => when(g.expiresAt) },
          {
            title: '结束',
            render: (_, g) =>
              g.closedAt ? `${when(g.closedAt)} ${statusLabel('groupCloseReason', g.closeReason ?? '')}` : '—',
          },
        ]}
      />
      <GroupDrawer code={code} onClose={() => setCode(null)} />
    </>
  );
}

import type { AdminSeckillItem, SeckillSession } from '@contracts';
import { byShanghaiDay, formatFen, formatShanghaiTime, SECKILL_SESSION_LABELS } from '@display';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSessionItems, useSessions } from './api';
import { ItemForm } from './ItemForm';
import { ReconcileModal } from './ReconcileModal';

import { SessionForm } from './SessionForm';

const STATUS_COLOR: Record<SeckillSession['status'], string | undefined> = {
  open: 'red',
  upcoming: 'blue',
  ended: undefined,
};
// the console says what the session is, not the shop's tab words (已开抢 reads as "open" to an operator)
const OPERATOR_LABEL: Record<SeckillSession['status'], string> = {
  open: SECKILL_SESSION_LABELS.open,
  upcoming: SECKILL_SESSION_LABELS.upcoming,
  ended: '已结束',
};

/** 秒杀: the sessions calendar (by Beijing day), the chosen session's items with live figures, and reconciliation. */
export function SeckillPage() {
  const sessions = useSessions();
  const [chosen, setChosen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState(false);
  const [reconciling, setReconciling] = useState<number | null>(null);
  const list = sessions.data?.items ?? [];
  const session = list.find((s) => s.id === chosen) ?? list.find((s) => s.status === 'open') ?? null;
  const items = useSessionItems(session?.id ?? null, session?.status === 'open');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="秒杀场次（北京时间）"
        loading={sessions.isLoading}
        extra={
          <Button data-testid="sk-session-new" type="primary" onClick={() => setCreating(true)}>
            新建场次
          </Button>
        }
      >
        {list.length === 0 && <Empty description="还没有场次" />}
        {byShanghaiDay(list).map(([day, daySessions]) => (
          <div
            key={day}
            className="sk-day"
            style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 12 }}
          >
            <Typography.Text strong style={{ width: 110 }}>
              {day}
            </Typography.Text>
            <Space wrap>
              {daySessions.map((s) => (
                <Button
                  key={s.id}
                  data-testid="sk-session"
                  data-session={s.id}
                  type={s.id === session?.id ? 'primary' : 'default'}
                  onClick={() => setChosen(s.id)}
                >
                  {formatShanghaiTime(s.startAt)}–{formatShanghaiTime(s.endAt)}
                  <Tag color={STATUS_COLOR[s.status]} style={{ marginInlineStart: 8 }}>
                    {OPERATOR_LABEL[s.status]}
                  </Tag>
                </Button>
              ))}
            </Space>
          </div>
        ))}
      </Card>
      {session && (
        <Card
          title={`场次 ${formatShanghaiTime(session.startAt)}–${formatShanghaiTime(session.endAt)} 的秒杀商品`}
          extra={
            <Button data-testid="sk-item-new" disabled={session.status === 'ended'} onClick={() => setAdding(true)}>
              添加商品
            </Button>
          }
        >
          <Table<AdminSeckillItem>
            rowKey="id"
            className="sk-item-table"
            loading={items.isLoading}
            dataSource={items.data?.items}
            pagination={false}
            columns={[
              { title: '商品', dataIndex: 'title' },
              { title: '秒杀价', render: (_, i) => formatFen(i.priceFen), width: 90 },
              { title: '限购', dataIndex: 'perUserLimit', width: 64 },
              { title: '库存', dataIndex: 'stock', width: 70 },
              { title: '已售', dataIndex: 'sold', width: 70 },
              { title: '待付款', dataIndex: 'reserved', width: 80 },
              { title: '剩余', dataIndex: 'remaining', width: 70 },
              {
                title: 'Redis 剩余',
                width: 100,
                render: (_, i) => (i.liveRemaining === null ? <Tag>未预热</Tag> : i.liveRemaining),
              },
              { title: '已退回', dataIndex: 'returned', width: 80 },
              {
                title: '操作',
                width: 90,
                render: (_, i) => (
                  <Button data-testid="sk-reconcile" size="small" onClick={() => setReconciling(i.id)}>
                    对账
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
      <SessionForm open={creating} onClose={() => setCreating(false)} onCreated={setChosen} />
      {session && <ItemForm sessionId={session.id} open={adding} onClose={() => setAdding(false)} />}
      <ReconcileModal itemId={reconciling} onClose={() => setReconciling(null)} />
    </Space>
  );
}

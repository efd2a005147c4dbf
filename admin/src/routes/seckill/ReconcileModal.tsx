import { App, Button, Descriptions, Modal, Tag } from 'antd';
import { useReconciliation, useRepair } from './api';

/** 对账: Redis's counter against the database (remaining − attempts still queued), with an audited repair. */
export function ReconcileModal({ itemId, onClose }: { itemId: number | null; onClose(): void }) {
  const { message } = App.useApp();
  const view = useReconciliation(itemId);
  const repair = useRepair();
  const r = view.data;
  return (
    <Modal
      open={itemId !== null}
      title="库存对账（Redis ↔ 数据库）"
      onCancel={onClose}
      footer={
        <Button
          data-testid="sk-repair"
          type="primary"
          danger
          disabled={!r || r.drift === 0}
          loading={repair.isPending}
          onClick={() =>
            itemId !== null &&
            repair.mutate(itemId, {
              onSuccess: (out) => void message.success(out.repaired ? '已按数据库修正 Redis' : '无需修正'),
              onError: (e) => void message.error(e.message),
            })
          }
        >
          按数据库修正
        </Button>
      }
      loading={view.isLoading}
      destroyOnHidden
    >
      {r && (
        <Descriptions column={1} bordered size="small" data-testid="sk-reconciliation">
          <Descriptions.Item label="应剩（数据库剩余 − 排队中）">{r.expectedRemaining}</Descriptions.Item>
          <Descriptions.Item label="Redis 剩余">{r.redisRemaining ?? '未预热'}</Descriptions.Item>
          <Descriptions.Item label="排队中的抢购">{r.queued}</Descriptions.Item>
          <Descriptions.Item label="差异">
            {r.drift === 0 ? (
              <Tag color="green">一致</Tag>
            ) : (
              <Tag color="red">{r.drift > 0 ? `+${r.drift}` : r.drift}</Tag>
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}

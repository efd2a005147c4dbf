import type { AuditLogEntry } from '@contracts';
import { Col, Row, Tag, Typography } from 'antd';

const pretty = (v: unknown) => (v === null || v === undefined ? '（无）' : JSON.stringify(v, null, 2));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The top-level fields whose values differ: what an operator looks for first. */
export function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** One entry's before and after, side by side as formatted JSON. */
export function BeforeAfter({ entry }: { entry: AuditLogEntry }) {
  const changed = changedKeys(entry.before, entry.after);
  return (
    <div className="audit-diff" data-testid="audit-diff">
      <div style={{ marginBottom: 8 }}>
        操作代码：
        <Typography.Text code data-testid="audit-action-code">
          {entry.action}
        </Typography.Text>
      </div>
      {changed.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          变更字段：
          {changed.map((k) => (
            <Tag key={k} color="orange">
              {k}
            </Tag>
          ))}
        </div>
      )}
      <Row gutter={16}>
        {(['before', 'after'] as const).map((side) => (
          <Col span={12} key={side}>
            <Typography.Text strong>{side === 'before' ? '修改前' : '修改后'}</Typography.Text>
            <pre className={`audit-json audit-${side}`}>{pretty(entry[side])}</pre>
          </Col>
        ))}
      </Row>
    </div>
  );
}

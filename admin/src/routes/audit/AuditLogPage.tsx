import type { AuditLogEntry } from '@contracts';
import { formatDateTime } from '@display';
import { AutoComplete, Button, Card, Form, Input, InputNumber, Space, Table } from 'antd';
import { useEffect } from 'react';
import { useAuditLogs } from './api';
import { BeforeAfter } from './BeforeAfter';
import { actionLabel, entityLabel, ENTITY_OPTIONS } from './labels';
import { useAuditParams } from './use-audit-params';

interface Filters {
  entity?: string;
  entityId?: string;
  operatorId?: number | null;
  action?: string;
}

/** 操作日志: every operator mutation, who did it, and the record before and after. */
export function AuditLogPage() {
  const [params, update] = useAuditParams();
  const logs = useAuditLogs(params);
  const [form] = Form.useForm<Filters>();
  // the URL is the truth (links, back button); the form follows it
  useEffect(() => {
    const { entity, entityId, operatorId, action } = params;
    form.setFieldsValue({ entity, entityId, operatorId, action });
  }, [form, params]);

  const search = (f: Filters) =>
    update({
      entity: f.entity?.trim() || undefined,
      entityId: f.entityId?.trim() || undefined,
      operatorId: f.operatorId ?? undefined,
      action: f.action?.trim() || undefined,
    });

  return (
    <Card title="操作日志">
      <Form<Filters> form={form} layout="inline" onFinish={search} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="entity" label="对象类型">
          <AutoComplete
            data-testid="audit-entity"
            allowClear
            options={ENTITY_OPTIONS}
            placeholder="如 product"
            style={{ width: 200 }}
            filterOption={(input, o) => !!o && `${o.value}${o.label}`.includes(input)}
          />
        </Form.Item>
        <Form.Item name="entityId" label="对象 ID">
          <Input data-testid="audit-entity-id" allowClear placeholder="如 42 或团号" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="operatorId" label="操作人 ID">
          <InputNumber data-testid="audit-operator-id" min={1} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Input allowClear placeholder="如 product.update" style={{ width: 180 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              update({ entity: undefined, entityId: undefined, operatorId: undefined, action: undefined });
            }}
          >
            重置
          </Button>
        </Space>
      </Form>
      <Table<AuditLogEntry>
        rowKey="id"
        className="audit-table"
        loading={logs.isFetching}
        dataSource={logs.data?.items}
        locale={logs.isError ? { emptyText: `加载失败：${logs.error.message}` } : undefined}
        expandable={{
          expandRowByClick: true,
          expandedRowRender: (entry) => <BeforeAfter entry={entry} />,
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: logs.data?.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => update(pageSize === params.pageSize ? { page } : { page: 1, pageSize }),
        }}
        columns={[
          { title: '时间（北京时间）', dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
          {
            title: '操作人',
            width: 150,
            render: (_, e) => (e.operatorId === null ? '系统' : `${e.operatorName ?? '（已删除）'} #${e.operatorId}`),
          },
          {
            title: '操作',
            render: (_, e) => (
              // the label only: the internal name is in the row's detail (BeforeAfter), for support
              <span data-testid="audit-action">{actionLabel(e.action)}</span>
            ),
          },
          {
            title: '对象',
            render: (_, e) => (
              <span data-testid="audit-entity-cell">
                {entityLabel(e.entity)} {e.entityId ?? ''}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}

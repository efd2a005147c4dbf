import type { OperatorRole, OperatorSummary } from '@contracts';
import { formatDateTime } from '@display';
import { App, Button, Card, Form, Input, Modal, Result, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, useAuth } from '../../shared/auth/context';
import {
  PASSWORD_MIN_LENGTH,
  useCreateOperator,
  useOperators,
  useResetOperatorPassword,
  useSetOperatorDisabled,
  useSetOperatorRole,
  USERNAME_PATTERN,
} from './api';

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as OperatorRole[]).map((value) => ({
  value,
  label: ROLE_LABELS[value],
}));

const passwordRules = [
  { required: true, message: '请输入密码' },
  { min: PASSWORD_MIN_LENGTH, message: `密码至少 ${PASSWORD_MIN_LENGTH} 位` },
];
const PASSWORD_HELP = `至少 ${PASSWORD_MIN_LENGTH} 位，且不能是常见或容易猜到的密码（如 password123、键盘连续按键、用户名加年份）`;

interface CreateValues {
  username: string;
  password: string;
  role: OperatorRole;
}

/** 操作员: who may use the admin, with which role; super admins only. Changes apply to the operator's next request. */
export function OperatorListPage() {
  const { operator: me } = useAuth();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<OperatorSummary | null>(null);
  const operators = useOperators({ page, pageSize }, me?.role === 'super_admin');
  const setRole = useSetOperatorRole();
  const setDisabled = useSetOperatorDisabled();

  if (me?.role !== 'super_admin') {
    return <Result status="403" title="没有权限" subTitle="只有超级管理员可以管理操作员" />;
  }

  const changeRole = (o: OperatorSummary, role: OperatorRole) =>
    setRole.mutate(
      { id: o.id, role },
      {
        onSuccess: () => void message.success(`${o.username} 的角色已改为${ROLE_LABELS[role]}，立即生效`),
        onError: (e) => void message.error(e.message),
      },
    );
  const changeStatus = (o: OperatorSummary, enabled: boolean) =>
    setDisabled.mutate(
      { id: o.id, disabled: !enabled },
      {
        onSuccess: () => void message.success(enabled ? `${o.username} 已启用` : `${o.username} 已停用，其登录已失效`),
        onError: (e) => void message.error(e.message),
      },
    );

  return (
    <Card
      title="操作员"
      extra={
        <Button data-testid="op-new" type="primary" onClick={() => setCreating(true)}>
          新建操作员
        </Button>
      }
    >
      <Table<OperatorSummary>
        rowKey="id"
        className="operator-table"
        loading={operators.isFetching}
        dataSource={operators.data?.items}
        locale={operators.isError ? { emptyText: `加载失败：${operators.error.message}` } : undefined}
        onRow={(o) => ({ 'data-testid': 'op-row', 'data-username': o.username }) as never}
        pagination={{
          current: page,
          pageSize,
          total: operators.data?.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (total) => `共 ${total} 名操作员`,
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
        columns={[
          {
            title: '用户名',
            render: (_, o) => (
              <Space>
                <Typography.Text strong>{o.username}</Typography.Text>
                {o.id === me.id && <Tag color="blue">我</Tag>}
              </Space>
            ),
          },
          {
            title: '角色',
            width: 160,
            render: (_, o) => (
              <Select<OperatorRole>
                data-testid="op-role"
                size="small"
                style={{ width: 130 }}
                value={o.role}
                options={ROLE_OPTIONS}
                loading={setRole.isPending && setRole.variables?.id === o.id}
                onChange={(role) => changeRole(o, role)}
              />
            ),
          },
          {
            title: '状态',
            width: 100,
            render: (_, o) => (
              <Switch
                data-testid="op-status"
                checkedChildren="启用"
                unCheckedChildren="停用"
                checked={!o.disabled}
                loading={setDisabled.isPending && setDisabled.variables?.id === o.id}
                onChange={(on) => changeStatus(o, on)}
              />
            ),
          },
          {
            title: '最近登录（北京时间）',
            width: 190,
            render: (_, o) => (o.lastLoginAt ? formatDateTime(o.lastLoginAt) : '从未登录'),
          },
          { title: '创建时间', width: 190, render: (_, o) => formatDateTime(o.createdAt) },
          {
            title: '操作',
            width: 110,
            render: (_, o) => (
              <Button data-testid="op-reset" size="small" onClick={() => setResetting(o)}>
                重置密码
              </Button>
            ),
          },
        ]}
      />
      <CreateOperatorModal open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordModal operator={resetting} self={resetting?.id === me.id} onClose={() => setResetting(null)} />
    </Card>
  );
}

function CreateOperatorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateOperator();
  const [error, setError] = useState<string | null>(null);

  const submit = (values: CreateValues) => {
    setError(null);
    create.mutate(values, {
      onSuccess: (o) => {
        void message.success(`已创建操作员 ${o.username}`);
        form.resetFields();
        onClose();
      },
      onError: (e) => setError(e.message),
    });
  };

  return (
    <Modal
      title="新建操作员"
      open={open}
      okText="创建"
      okButtonProps={{ loading: create.isPending, 'data-testid': 'op-create-submit' } as never}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ role: 'operations' }}
        onFinish={submit}
        preserve={false}
      >
        <Form.Item
          name="username"
          label="用户名"
          extra="3–32 位小写字母、数字、下划线、点或短横线，如 ops.wang"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: USERNAME_PATTERN, message: '用户名须为 3–32 位小写字母、数字、下划线、点或短横线' },
          ]}
        >
          <Input data-testid="op-create-username" autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="password" label="初始密码" extra={PASSWORD_HELP} rules={passwordRules}>
          <Input.Password data-testid="op-create-password" autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true }]}>
          <Select<OperatorRole> data-testid="op-create-role" options={ROLE_OPTIONS} />
        </Form.Item>
        {error && (
          <Typography.Text type="danger" data-testid="op-create-error">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({
  operator,
  self,
  onClose,
}: {
  operator: OperatorSummary | null;
  self: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useResetOperatorPassword();
  const [error, setError] = useState<string | null>(null);

  const submit = ({ password }: { password: string }) => {
    if (!operator) return;
    setError(null);
    reset.mutate(
      { id: operator.id, password },
      {
        onSuccess: () => {
          void message.success(`已重置 ${operator.username} 的密码，其登录已全部失效`);
          onClose();
        },
        onError: (e) => setError(e.message),
      },
    );
  };

  return (
    <Modal
      title={`重置密码：${operator?.username ?? ''}`}
      open={operator !== null}
      okText="重置"
      okButtonProps={{ loading: reset.isPending, 'data-testid': 'op-reset-submit' } as never}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {self ? '这是你自己的账号：重置后需要用新密码重新登录。' : '重置后该操作员的所有登录立即失效。'}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="password" label="新密码" extra={PASSWORD_HELP} rules={passwordRules}>
          <Input.Password data-testid="op-reset-password" autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入不一致')),
            }),
          ]}
        >
          <Input.Password data-testid="op-reset-confirm" autoComplete="new-password" maxLength={128} />
        </Form.Item>
        {error && (
          <Typography.Text type="danger" data-testid="op-reset-error">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

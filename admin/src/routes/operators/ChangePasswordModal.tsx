import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../shared/auth/context';
import { PASSWORD_MIN_LENGTH, useChangeOwnPassword } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The signed-in operator changes their own password; this tab continues on the fresh session, every other ends. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const { adoptSession } = useAuth();
  const [form] = Form.useForm<Values>();
  const change = useChangeOwnPassword();
  const [error, setError] = useState<string | null>(null);

  const submit = ({ currentPassword, newPassword }: Values) => {
    setError(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: (answer) => {
          adoptSession(answer);
          void message.success('密码已修改，其他设备上的登录已失效');
          onClose();
        },
        onError: (e) => setError(e.message),
      },
    );
  };

  return (
    <Modal
      title="修改密码"
      open={open}
      okText="修改"
      okButtonProps={{ loading: change.isPending, 'data-testid': 'me-password-submit' } as never}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={`至少 ${PASSWORD_MIN_LENGTH} 位，且不能是常见或容易猜到的密码`}
          rules={[
            { required: true, message: '请输入新密码' },
            { min: PASSWORD_MIN_LENGTH, message: `密码至少 ${PASSWORD_MIN_LENGTH} 位` },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../shared/auth/context';

interface LoginValues {
  username: string;
  password: string;
}

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/products';
}

export function LoginPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (auth.status === 'authenticated') return <Navigate to={returnPath(location.state)} replace />;

  const onFinish = async ({ username, password }: LoginValues) => {
    setError(null);
    setSubmitting(true);
    try {
      await auth.login(username.trim(), password);
      navigate(returnPath(location.state), { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : '登录失败，请稍后再试');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card" variant="borderless">
        <div className="login-brand">
          <div className="brand-mark">邻</div>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              邻里 · 运营后台
            </Typography.Title>
            <Typography.Text type="secondary">使用运营账号登录</Typography.Text>
          </div>
        </div>
        {error && <Alert className="login-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<LoginValues> layout="vertical" size="large" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item
            name="username"
            label="用户名"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" maxLength={64} autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              prefix={<LockOutlined />}
              placeholder="密码"
              autoComplete="current-password"
              maxLength={128}
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              登录
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}

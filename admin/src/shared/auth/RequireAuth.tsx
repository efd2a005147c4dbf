import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './context';

/** Renders its children for a signed-in operator; anyone else goes to the login page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();

  if (auth.status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (auth.status === 'loading') {
    return (
      <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (auth.status === 'error') {
    return (
      <Result
        status="warning"
        title="无法获取登录信息"
        subTitle={auth.error?.message}
        extra={[
          <Button key="retry" type="primary" onClick={auth.retry}>
            重试
          </Button>,
          <Button key="logout" onClick={auth.logout}>
            重新登录
          </Button>,
        ]}
      />
    );
  }
  return <>{children}</>;
}

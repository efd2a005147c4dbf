import {
  KeyOutlined,
  LogoutOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { OperatorRole } from '@contracts';
import { ChangePasswordModal } from '../routes/operators/ChangePasswordModal';
import { ROLE_LABELS, useAuth } from '../shared/auth/context';

// Only screens that exist are listed; each feature adds its entry here with its route in router.tsx. An entry with
// `roles` is shown only to those roles (super admins see everything the server lets them do).
type Entry = { key: string; label: string; roles?: readonly OperatorRole[] };
const SECTIONS: { key: string; icon: ReactNode; label: string; children: Entry[] }[] = [
  {
    key: 'products',
    icon: <ShoppingOutlined />,
    label: '商品',
    children: [
      { key: '/products', label: '商品列表' },
      { key: '/categories', label: '分类' },
    ],
  },
  {
    key: 'trade',
    icon: <ShoppingCartOutlined />,
    label: '交易',
    children: [
      { key: '/orders', label: '订单' },
      { key: '/after-sales', label: '售后' },
    ],
  },
  {
    key: 'marketing',
    icon: <TeamOutlined />,
    label: '营销',
    children: [
      { key: '/groupbuy', label: '拼团' },
      { key: '/seckill', label: '秒杀' },
      { key: '/coupons', label: '优惠券' },
    ],
  },
  {
    key: 'system',
    icon: <SettingOutlined />,
    label: '系统',
    children: [
      { key: '/settings', label: '设置' },
      { key: '/audit-logs', label: '操作日志' },
      { key: '/operators', label: '操作员', roles: ['super_admin'] },
    ],
  },
];

/** The menu entry a path belongs to (a product's edit page is under 商品列表), for the page's heading. */
function titleOf(pathname: string): string {
  const entries = SECTIONS.flatMap((s) => s.children);
  const entry = entries.find((e) => pathname === e.key || pathname.startsWith(`${e.key}/`));
  return entry?.label ?? '邻里运营后台';
}

function menuFor(role: OperatorRole | undefined): MenuProps['items'] {
  return SECTIONS.map(({ children, ...section }) => ({
    ...section,
    children: children
      .filter((e) => !e.roles || (role !== undefined && e.roles.includes(role)))
      .map(({ key, label }) => ({ key, label })),
  }));
}

export function AppLayout() {
  const { operator, logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = pathname.startsWith('/products') ? '/products' : pathname;
  const menu = useMemo(() => menuFor(operator?.role), [operator?.role]);
  const [changingPassword, setChangingPassword] = useState(false);

  return (
    <Layout className="app-layout">
      <Layout.Sider width={216} theme="dark" className="app-sider">
        <div className="app-logo">
          <span className="brand-mark small">邻</span>
          <span>邻里运营后台</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={menu}
          selectedKeys={[selected]}
          defaultOpenKeys={['products', 'trade', 'marketing', 'system']}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Space size={12}>
            <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
            <Typography.Text strong className="current-operator">
              {operator?.username}
            </Typography.Text>
            {operator && <Tag color="blue">{ROLE_LABELS[operator.role] ?? operator.role}</Tag>}
            <Button
              type="text"
              icon={<KeyOutlined />}
              data-testid="me-password"
              onClick={() => setChangingPassword(true)}
            >
              修改密码
            </Button>
            <Button
              type="text"
              icon={<LogoutOutlined />}
              onClick={() => {
                logout();
                navigate('/login', { replace: true });
              }}
            >
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          {/* the page's name as its one level-1 heading, for screen readers (the card title below shows it) */}
          <h1 className="visually-hidden">{titleOf(pathname)}</h1>
          {/* each page is its own chunk (Console.tsx): the menu and header stay while one loads */}
          <Suspense fallback={<Spin className="page-loading" size="large" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
      </Layout>
    </Layout>
  );
}

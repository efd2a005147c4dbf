import {
  LogoutOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS, useAuth } from '../shared/auth/context';

// Only screens that exist are listed; each feature adds its entry here with its route in router.tsx.
const MENU: MenuProps['items'] = [
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
    children: [{ key: '/groupbuy', label: '拼团' }],
  },
  {
    key: 'system',
    icon: <SettingOutlined />,
    label: '系统',
    children: [{ key: '/settings', label: '设置' }],
  },
];

export function AppLayout() {
  const { operator, logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = pathname.startsWith('/products') ? '/products' : pathname;

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
          items={MENU}
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
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

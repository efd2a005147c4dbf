// The signed-in console: antd (its theme, its App context for messages and modals), the layout and the pages.
// Loaded lazily by router.tsx, so the login page — the first thing an operator's phone or laptop fetches — carries
// neither antd nor any page; each page is its own chunk, fetched when first opened.
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../shared/auth/RequireAuth';
import { AppLayout } from './AppLayout';

const ProductListPage = lazy(() =>
  import('../routes/products/product-list/ProductListPage').then((m) => ({ default: m.ProductListPage })),
);
const CategoryPage = lazy(() => import('../routes/categories/CategoryPage').then((m) => ({ default: m.CategoryPage })));
const OrderListPage = lazy(() => import('../routes/orders/OrderListPage').then((m) => ({ default: m.OrderListPage })));
const AfterSaleListPage = lazy(() =>
  import('../routes/after-sales/AfterSaleListPage').then((m) => ({ default: m.AfterSaleListPage })),
);
const CampaignListPage = lazy(() =>
  import('../routes/groupbuy/CampaignListPage').then((m) => ({ default: m.CampaignListPage })),
);
const SettingsPage = lazy(() => import('../routes/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const AuditLogPage = lazy(() => import('../routes/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const OperatorListPage = lazy(() =>
  import('../routes/operators/OperatorListPage').then((m) => ({ default: m.OperatorListPage })),
);

export default function Console() {
  return (
    <ConfigProvider
      locale={zhCN}
      // "登录", not "登 录": labels stay what they say (and what tests look for)
      button={{ autoInsertSpace: false }}
      theme={{
        token: { colorPrimary: '#1677ff', borderRadius: 6 },
        components: { Layout: { headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 24px' } },
      }}
    >
      <AntApp>
        <RequireAuth>
          <Routes>
            <Route element={<AppLayout />}>
              <Route index element={<Navigate to="/products" replace />} />
              <Route path="products" element={<ProductListPage />} />
              <Route path="categories" element={<CategoryPage />} />
              <Route path="orders" element={<OrderListPage />} />
              <Route path="after-sales" element={<AfterSaleListPage />} />
              <Route path="groupbuy" element={<CampaignListPage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="audit-logs" element={<AuditLogPage />} />
              <Route path="operators" element={<OperatorListPage />} />
              <Route path="*" element={<Navigate to="/products" replace />} />
            </Route>
          </Routes>
        </RequireAuth>
      </AntApp>
    </ConfigProvider>
  );
}

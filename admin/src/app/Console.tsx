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
const SeckillPage = lazy(() => import('../routes/seckill/SeckillPage').then((m) => ({ default: m.SeckillPage })));
const CouponListPage = lazy(() =>
  import('../routes/coupons/CouponListPage').then((m) => ({ default: m.CouponListPage })),
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
        // antd's defaults miss WCAG's 4.5:1 for normal text (primary #1677ff 4.1:1, secondary text 3.4:1, the
        // placeholder 1.8:1, green/orange tags 3.3:1): darker shades of the same hues (accessibility.browser.test)
        token: {
          colorPrimary: '#0958d9',
          borderRadius: 6,
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
          colorLink: '#0958d9',
          // a tag's text is the 7th shade of its hue's palette, generated from these seeds (default: the 6th)
          orange: '#d46b08',
          cyan: '#08979c',
          gold: '#d48806',
          volcano: '#d4380d',
        },
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
              <Route path="seckill" element={<SeckillPage />} />
              <Route path="coupons" element={<CouponListPage />} />
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

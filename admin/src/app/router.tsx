import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../shared/auth/RequireAuth';
import { LoginPage } from '../routes/login/LoginPage';
import { ProductListPage } from '../routes/products/product-list/ProductListPage';
import { OrderListPage } from '../routes/orders/OrderListPage';
import { AfterSaleListPage } from '../routes/after-sales/AfterSaleListPage';
import { CampaignListPage } from '../routes/groupbuy/CampaignListPage';
import { CategoryPage } from '../routes/categories/CategoryPage';
import { SettingsPage } from '../routes/settings/SettingsPage';
import { AuditLogPage } from '../routes/audit/AuditLogPage';
import { OperatorListPage } from '../routes/operators/OperatorListPage';
import { AppLayout } from './AppLayout';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/products" replace />} />
        <Route path="/products" element={<ProductListPage />} />
        <Route path="/categories" element={<CategoryPage />} />
        <Route path="/orders" element={<OrderListPage />} />
        <Route path="/after-sales" element={<AfterSaleListPage />} />
        <Route path="/groupbuy" element={<CampaignListPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/audit-logs" element={<AuditLogPage />} />
        <Route path="/operators" element={<OperatorListPage />} />
        <Route path="*" element={<Navigate to="/products" replace />} />
      </Route>
    </Routes>
  );
}

import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../shared/auth/RequireAuth';
import { LoginPage } from '../routes/login/LoginPage';
import { ProductListPage } from '../routes/products/product-list/ProductListPage';
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
        <Route path="*" element={<Navigate to="/products" replace />} />
      </Route>
    </Routes>
  );
}

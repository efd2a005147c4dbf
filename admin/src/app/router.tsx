import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { LoginPage } from '../routes/login/LoginPage';

// The login page is plain React and CSS; everything behind it (antd, the layout, the pages) is fetched once an
// operator is in (see Console.tsx). A page is added to Console.tsx, not here.
const Console = lazy(() => import('./Console'));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/*"
        element={
          <Suspense fallback={<div className="console-loading" role="status" aria-label="加载中" />}>
            <Console />
          </Suspense>
        }
      />
    </Routes>
  );
}

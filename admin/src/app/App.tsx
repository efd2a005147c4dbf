import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter } from 'react-router-dom';
import { isApiError } from '../shared/api/client';
import { AuthProvider } from '../shared/auth/AuthProvider';
import { AppRoutes } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // a 4xx will not get better by asking again
      retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

export function App() {
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
        <QueryClientProvider client={queryClient}>
          <BrowserRouter basename="/admin">
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

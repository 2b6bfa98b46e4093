import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import zhHK from 'antd/es/locale/zh_HK';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-hk';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { ErrorBoundary } from './components/ErrorBoundary';
import { AppLayout } from './layout/AppLayout';
import { firstPath, visibleMenu } from './menu';
import { ForbiddenPage, NotFoundPage } from './pages/errors';
import LoginPage from './pages/login';
import { ROUTES } from './routes';

const ANTD_LOCALES = { 'zh-Hant': zhHK, 'zh-Hans': zhCN, en: enUS } as const;
const DAYJS_LOCALES = { 'zh-Hant': 'zh-hk', 'zh-Hans': 'zh-cn', en: 'en' } as const;

/** Pages need a signed-in operator: otherwise to the login, which brings them back here afterwards. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { status, loggedOut } = useAuth();
  const location = useLocation();
  if (status === 'loading') {
    return <Spin size="large" fullscreen />;
  }
  if (status === 'anonymous') {
    const from = location.pathname + location.search;
    return <Navigate to={from === '/' || loggedOut ? '/login' : `/login?from=${encodeURIComponent(from)}`} replace />;
  }
  return <>{children}</>;
}

function Landing() {
  const { access } = useAuth();
  return <Navigate to={firstPath(visibleMenu(access)) ?? '/work-orders'} replace />;
}

function Guarded({ route }: { route: (typeof ROUTES)[number] }) {
  const { access } = useAuth();
  if (route.access && !route.access(access)) return <ForbiddenPage />;
  return <>{route.element}</>;
}

export default function App() {
  const { i18n } = useTranslation();
  const language = (i18n.language in ANTD_LOCALES ? i18n.language : 'zh-Hant') as keyof typeof ANTD_LOCALES;
  const locale = ANTD_LOCALES[language];
  dayjs.locale(DAYJS_LOCALES[language]);
  const theme = useMemo(() => ({ token: { colorPrimary: '#1f5fbf', borderRadius: 4 } }), []);
  return (
    <ConfigProvider locale={locale} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ErrorBoundary>
          <AuthProvider>
            <BrowserRouter>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  <Route index element={<Landing />} />
                  {ROUTES.map((r) => (
                    <Route key={r.path} path={r.path} element={<Guarded route={r} />} />
                  ))}
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </BrowserRouter>
          </AuthProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

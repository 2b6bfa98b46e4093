import {
  SafetyCertificateOutlined,
  BankOutlined,
  FileDoneOutlined,
  GiftOutlined,
  LogoutOutlined,
  SettingOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Spin, Typography, type MenuProps } from 'antd';
import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { api } from '../api/client';
import type { WorkOrderCounts } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { menuKeysFor, visibleMenu, type MenuNode } from '../menu';
import { LanguageSwitch } from './LanguageSwitch';
import { onWorkOrdersChanged } from './workOrderEvents';

const ICONS: Record<string, ReactNode> = {
  funds: <BankOutlined />,
  virtualAssets: <WalletOutlined />,
  operationsSystem: <GiftOutlined />,
  workOrders: <FileDoneOutlined />,
  customers: <TeamOutlined />,
  audit: <SafetyCertificateOutlined />,
  settings: <SettingOutlined />,
};

function useWorkOrderCounts(): WorkOrderCounts | undefined {
  const [counts, setCounts] = useState<WorkOrderCounts>();
  useEffect(() => {
    let alive = true;
    const load = () =>
      api
        .get<WorkOrderCounts>('/api/work-orders/counts')
        .then((c) => alive && setCounts(c))
        .catch(() => undefined);
    void load();
    const timer = window.setInterval(load, 30_000);
    const off = onWorkOrdersChanged(load);
    return () => {
      alive = false;
      window.clearInterval(timer);
      off();
    };
  }, []);
  return counts;
}

/** The frame of every page: the permitted menu (SPEC X-10) with the work-order count, the operator, language, logout. */
export function AppLayout() {
  const { t } = useTranslation();
  const { me, access, logout } = useAuth();
  const location = useLocation();
  const counts = useWorkOrderCounts();
  const menu = useMemo(() => visibleMenu(access), [access]);
  const selected = menuKeysFor(location.pathname, menu);
  const [openKeys, setOpenKeys] = useState<string[]>(selected.slice(0, -1));

  const toItems = (nodes: MenuNode[]): MenuProps['items'] =>
    nodes.map((node) => {
      const label = t(node.label);
      if (node.children) {
        return { key: node.key, icon: ICONS[node.key], label: <span data-testid={`menu-${node.key}`}>{label}</span>, children: toItems(node.children) };
      }
      const badge =
        node.key === 'workOrders' && counts && counts.inbox > 0 ? (
          <Badge count={counts.inbox} size="small" offset={[8, 0]} data-testid="menu-work-orders-count" />
        ) : null;
      return {
        key: node.key,
        icon: ICONS[node.key],
        label: (
          <Link to={node.path!} data-testid={`menu-${node.key}`}>
            {label}
            {badge}
          </Link>
        ),
      };
    });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', padding: '0 20px' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
            {t('app.title')}
          </Typography.Text>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="main-menu"
          selectedKeys={selected.slice(-1)}
          openKeys={openKeys}
          onOpenChange={setOpenKeys}
          items={toItems(menu)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <Space size="middle">
            <LanguageSwitch />
            <Link to="/account" data-testid="current-operator">
              {me?.displayName}
            </Link>
            <Button icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
              {t('action.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 120 }} />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

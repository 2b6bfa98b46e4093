import { lazy, type ReactNode } from 'react';
import type { AccessRule } from './access';

// Each page is its own chunk, loaded when first opened.
const AccountPage = lazy(() => import('./pages/account'));
const AuditPage = lazy(() => import('./pages/audit'));
const CustomerDetailPage = lazy(() => import('./pages/customers/detail'));
const CustomersPage = lazy(() => import('./pages/customers'));
const OperatorsPage = lazy(() => import('./pages/settings/operators'));
const PoliciesPage = lazy(() => import('./pages/settings/policies'));
const RolesPage = lazy(() => import('./pages/settings/roles'));
const WorkOrderDetailPage = lazy(() => import('./pages/work-orders/detail'));
const WorkOrdersPage = lazy(() => import('./pages/work-orders'));
import { STATEMENT_ROUTES } from './pages/statements/routes';
const WithdrawalsPage = lazy(() => import('./pages/withdrawals'));
const RiskSettingsPage = lazy(() => import('./pages/withdrawals/risk-settings'));

/**
 * Every page of the console with its access rule, in one place (next to menu.ts). A direct URL to a page the operator
 * may not open shows the 403 page. New modules add their folder under pages/ and one line here.
 */
export interface PageRoute {
  path: string;
  element: ReactNode;
  access?: AccessRule;
}

export const ROUTES: PageRoute[] = [
  { path: '/account', element: <AccountPage /> },
  { path: '/work-orders', element: <WorkOrdersPage /> },
  { path: '/work-orders/:id', element: <WorkOrderDetailPage /> },
  { path: '/customers', element: <CustomersPage />, access: (a) => a.has('CUSTOMER_VIEW') },
  { path: '/customers/:id', element: <CustomerDetailPage />, access: (a) => a.has('CUSTOMER_VIEW') },
  { path: '/withdrawals', element: <WithdrawalsPage />, access: (a) => a.any('WITHDRAWAL_APPLY', 'WITHDRAWAL_PROCESS', 'WITHDRAWAL_VIEW', 'CHEQUE_PRINT') },
  { path: '/settings/risk', element: <RiskSettingsPage />, access: (a) => a.has('SYSTEM_ADMIN') },
  { path: '/audit', element: <AuditPage />, access: (a) => a.has('AUDIT_VIEW') },
  { path: '/settings/operators', element: <OperatorsPage />, access: (a) => a.has('SYSTEM_ADMIN') },
  { path: '/settings/roles', element: <RolesPage />, access: (a) => a.has('SYSTEM_ADMIN') },
  { path: '/settings/approval-policies', element: <PoliciesPage />, access: (a) => a.has('SYSTEM_ADMIN') },
  ...STATEMENT_ROUTES,
];

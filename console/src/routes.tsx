import type { ReactNode } from 'react';
import type { AccessRule } from './access';
import AccountPage from './pages/account';
import AuditPage from './pages/audit';
import CustomerDetailPage from './pages/customers/detail';
import CustomersPage from './pages/customers';
import OperatorsPage from './pages/settings/operators';
import PoliciesPage from './pages/settings/policies';
import RolesPage from './pages/settings/roles';
import WorkOrderDetailPage from './pages/work-orders/detail';
import WorkOrdersPage from './pages/work-orders';
import WithdrawalsPage from './pages/withdrawals';
import RiskSettingsPage from './pages/withdrawals/risk-settings';

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
];

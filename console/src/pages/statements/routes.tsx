import type { PageRoute } from '../../routes';
import ReconciliationPage from '../reconciliation';
import ConnectionsPage from './connections';
import StatementsPage from './index';
import TemplatesPage from './templates';

/** The pages of bank statements and reconciliation with their access rules (routes.tsx spreads them in). */
export const STATEMENT_ROUTES: PageRoute[] = [
  { path: '/statements/out', element: <StatementsPage key="OUT" direction="OUT" />, access: (a) => a.has('STATEMENT_MANAGE') },
  { path: '/statements/in', element: <StatementsPage key="IN" direction="IN" />, access: (a) => a.has('STATEMENT_MANAGE') },
  { path: '/statements/templates', element: <TemplatesPage />, access: (a) => a.has('STATEMENT_MANAGE') },
  { path: '/statements/bank-connections', element: <ConnectionsPage />, access: (a) => a.has('STATEMENT_MANAGE') },
  { path: '/reconciliation/out', element: <ReconciliationPage direction="OUT" />, access: (a) => a.has('RECONCILE') },
];
